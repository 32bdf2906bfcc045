/*
 * usage.h: the text of --help.
 */
#ifndef PTVIZ_USAGE_H
#define PTVIZ_USAGE_H

#include <stdio.h>

/* Print the usage text. */
void	usage_print(FILE *fp);

#endif
