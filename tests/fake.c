/*
 * fake.c: a fake tree of files for the Check tests (see fake.h).
 */
#include <sys/stat.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake.h"

void
fake_put(const char *dir, const char *path, const char *text)
{
	char full[512], *slash;
	FILE *fp;

	snprintf(full, sizeof(full), "%s/%s", dir, path);
	for (slash = full + strlen(dir) + 1; (slash = strchr(slash, '/'))
	    != NULL; slash++) {
		*slash = '\0';
		mkdir(full, 0755);
		*slash = '/';
	}
	ck_assert_ptr_nonnull(fp = fopen(full, "w"));
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

void
fake_rm(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
