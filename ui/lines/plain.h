/*
 * plain.h: the reference program's own lines (--plain).
 */
#ifndef PTVIZ_PLAIN_H
#define PTVIZ_PLAIN_H

#include "printer.h"

extern const struct printer plain_printer;

#endif
