/*
 * fake.h: a fake tree of files (a /proc) for the Check tests that read
 * one, made under a temporary folder and removed after.
 */
#ifndef PTVIZ_TESTS_FAKE_H
#define PTVIZ_TESTS_FAKE_H

/* Write text to dir/path, making the folders on the way. */
void	fake_put(const char *dir, const char *path, const char *text);

/* Remove the fake tree dir and all under it. */
void	fake_rm(const char *dir);

#endif
