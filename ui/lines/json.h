/*
 * json.h: one JSON object a line (--json).
 */
#ifndef PTVIZ_JSON_H
#define PTVIZ_JSON_H

#include "printer.h"

extern const struct printer json_printer;

#endif
