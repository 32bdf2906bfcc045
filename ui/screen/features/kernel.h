/*
 * kernel.h: the kernel's view of the threads on screen (K, and the
 * details pane), read from /proc.
 */
#ifndef PTVIZ_KERNEL_H
#define PTVIZ_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tui;

/* Before drawing a frame: read what is on screen from /proc if it is due
   (or changed) -- the grid's `rows` processes and `cols` threads from its
   first shown, and the selected thread; nothing when nothing shows it. */
void		 kernel_frame(struct tui *t, unsigned rows, unsigned cols);

/* ns until the kernel view wants a frame the loop would not draw anyway
   (after a pause, until the kernel agrees); UINT64_MAX for none. */
uint64_t	 kernel_wait_ns(const struct tui *t, uint64_t wall);

/* K: the cells show the kernel's letters, or ptviz's glyphs again. */
void		 kernel_toggle(struct tui *t);

/* True while the grid's cells show the kernel's letters. */
bool		 kernel_letters(const struct tui *t);

/* The kernel's letter for thread j of process i ("S", "-" gone, "·" not
   there yet), or NULL: draw ptviz's glyph. */
const char	*kernel_letter(const struct tui *t, unsigned i, unsigned j);

/* The details pane's kernel rows of the selected thread: a label and a
   value each, values cut to `width` columns or continued on a row with
   an empty label; how many (at most max). */
struct kernel_row {
	const char	*label;
	char		 value[48];
};
int		 kernel_details(const struct tui *t, struct kernel_row *rows,
		    int max, int width);

/* Close and free what the kernel view holds (before a rerun forks, so
   that its children inherit none of it). */
void		 kernel_free(struct tui *t);

#endif
