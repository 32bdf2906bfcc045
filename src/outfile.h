/*
 * outfile.h: a file made to be written: a recording or a trace.
 */
#ifndef PTVIZ_OUTFILE_H
#define PTVIZ_OUTFILE_H

/* Create path, or truncate it, for writing; its descriptor (close-on-exec,
   blocking), or -1 with errno.  A FIFO that nobody reads is refused
   (ENXIO) rather than waited for. */
int	outfile_create(const char *path);

/* What error err (an errno) of opening path for writing means, in words:
   strerror, but "a FIFO nobody reads" for ENXIO on a FIFO. */
const char *outfile_strerror(const char *path, int err);

#endif
