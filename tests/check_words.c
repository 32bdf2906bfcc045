/*
 * check_words.c: text laid out in a screen's columns, never cut inside a
 * word (src/words.h): wrapped at spaces, or shortened to one line.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../src/words.h"
#include "suites.h"

/* The lines s wraps to, joined by '|', in out. */
static const char *
wrapped(const char *s, int first, int width, char *out, size_t len)
{
	struct words_line l[32];
	size_t n, i, used = 0;

	n = words_wrap(s, first, width, l, 32);
	out[0] = '\0';
	for (i = 0; i < n && i < 32; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%.*s",
		    i > 0 ? "|" : "", (int)l[i].len, s + l[i].off);
	return out;
}

START_TEST(words_wrap_breaks_at_spaces_only)
{
	char b[512];

	ck_assert_str_eq(wrapped("z reaps them. Ask: who cleans up", 12, 12,
	    b, sizeof(b)), "z reaps|them. Ask:|who cleans|up");
	/* A word just fits at the end of a line. */
	ck_assert_str_eq(wrapped("abc defgh", 9, 9, b, sizeof(b)),
	    "abc defgh");
	ck_assert_str_eq(wrapped("abc defghi", 9, 9, b, sizeof(b)),
	    "abc|defghi");
	ck_assert_uint_eq(words_wrap("abc defghi", 9, 9, NULL, 0), 2);
	ck_assert_uint_eq(words_wrap("", 9, 9, NULL, 0), 0);
}
END_TEST

START_TEST(words_wrap_cuts_only_a_word_wider_than_a_line)
{
	char b[512];

	ck_assert_str_eq(wrapped("a ptviz-183-20240101.jsonl b", 8, 8, b,
	    sizeof(b)), "a|ptviz-18|3-202401|01.jsonl|b");
}
END_TEST

START_TEST(words_wrap_counts_columns_not_bytes)
{
	char b[512];

	/* "×" and "≤" are two and three bytes, one column each. */
	ck_assert_int_eq(words_cols("5 × 3 ≤ 4"), 9);
	ck_assert_str_eq(wrapped("5 × 3 ≤ 4 s", 9, 9, b, sizeof(b)),
	    "5 × 3 ≤ 4|s");
	ck_assert_str_eq(wrapped("ééééé ééééé", 5, 5, b, sizeof(b)),
	    "ééééé|ééééé");
	ck_assert_str_eq(wrapped("éééééé", 4, 4, b, sizeof(b)),
	    "éééé|éé");
}
END_TEST

START_TEST(words_wrap_keeps_phrases_and_drops_signs_at_a_break)
{
	char b[512];
	const char *st = "elapsed 4.0 s  ·  threads done 8/8  ·  running";

	/* A phrase that fits on a line is not broken; the sign between two
	   phrases ends no line and begins none. */
	ck_assert_str_eq(wrapped(st, 30, 30, b, sizeof(b)),
	    "elapsed 4.0 s|threads done 8/8  ·  running");
	ck_assert_str_eq(wrapped(st, 20, 20, b, sizeof(b)),
	    "elapsed 4.0 s|threads done 8/8|running");
}
END_TEST

START_TEST(words_wrap_goes_on_from_a_line_begun)
{
	char b[512];

	/* Four columns left: the first word goes to the next line. */
	ck_assert_str_eq(wrapped("reaping held", 4, 20, b, sizeof(b)),
	    "|reaping held");
	ck_assert_str_eq(wrapped("  note", 10, 20, b, sizeof(b)),
	    "  note");
	ck_assert_str_eq(wrapped("  note", 3, 20, b, sizeof(b)), "|note");
}
END_TEST

START_TEST(words_short_names_processes_and_threads)
{
	char b[256];

	ck_assert_str_eq(words_short(">thread Thread-2 in process Process-14 "
	    "done.", b, sizeof(b)), ">thread P14 T2 done.");
	ck_assert_str_eq(words_short("held by Thread-3 of Process-1 since",
	    b, sizeof(b)), "held by P1 T3 since");
	ck_assert_str_eq(words_short("Process Process-1 done.", b,
	    sizeof(b)), "Process P1 done.");
	ck_assert_str_eq(words_short("deadlock in Process-3: Thread-1 waits",
	    b, sizeof(b)), "deadlock in P3: T1 waits");
	/* Not a name: left as it was. */
	ck_assert_str_eq(words_short("Process- and xThread-2", b, sizeof(b)),
	    "Process- and xThread-2");
}
END_TEST

START_TEST(words_fit_shortens_then_drops_words)
{
	char b[256];

	ck_assert_str_eq(words_fit("Process Process-1 done.", 32, "…", b,
	    sizeof(b)), "Process Process-1 done.");
	ck_assert_str_eq(words_fit(">thread Thread-2 in process Process-1 "
	    "done.", 32, "…", b, sizeof(b)), ">thread P1 T2 done.");
	/* Too long even so: cut after a clause, its colon dropped. */
	ck_assert_str_eq(words_fit("Process-1 (pid 24755) has ended: a "
	    "zombie until it is reaped.", 32, "…", b, sizeof(b)),
	    "P1 (pid 24755) has ended…");
	/* No clause that keeps half: after the last whole word. */
	ck_assert_str_eq(words_fit("one two three four five six", 16, "...",
	    b, sizeof(b)), "one two three...");
	ck_assert_int_le(words_cols(words_fit("Process-2 (pid 81) was killed "
	    "by SIGKILL", 20, "…", b, sizeof(b))), 20);
	/* A single word wider than the line: what fits, marked. */
	ck_assert_str_eq(words_fit("abcdefghij", 5, "…", b, sizeof(b)),
	    "abcd…");
}
END_TEST

Suite *
words_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("words");

	tcase_add_test(tc, words_wrap_breaks_at_spaces_only);
	tcase_add_test(tc, words_wrap_cuts_only_a_word_wider_than_a_line);
	tcase_add_test(tc, words_wrap_counts_columns_not_bytes);
	tcase_add_test(tc, words_wrap_keeps_phrases_and_drops_signs_at_a_break);
	tcase_add_test(tc, words_wrap_goes_on_from_a_line_begun);
	tcase_add_test(tc, words_short_names_processes_and_threads);
	tcase_add_test(tc, words_fit_shortens_then_drops_words);
	suite_add_tcase(s, tc);
	return s;
}
