/*
** npy_map.c - memory-mapped files as array buffers: the buffer's release
** unmaps, so the mapping lives exactly as long as some array uses it.
** Mapping reads nothing of the data; a file larger than memory works.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "npyio.h"

typedef struct mapping {
  void *addr;
  size_t len;
} mapping;

static char empty_data[64];

static void map_release(lpy_buffer *b) {
  mapping *m = b->ud;
  if (m->len) munmap(m->addr, m->len);
  free(m);
  free(b);
}

int lpy_map_is(const lpy_buffer *b) {
  return b && b->release == map_release;
}

int lpy_map_file(const char *path, int mode, uint64_t offset,
                 uint64_t length, lpy_buffer **out, lpy_err *e) {
  int fd, flags = mode == LPY_MAP_CREATE ? O_RDWR | O_CREAT | O_TRUNC :
                 mode == LPY_MAP_RW ? O_RDWR : O_RDONLY;
  struct stat st;
  uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE), start, delta;
  lpy_buffer *b = NULL;
  mapping *m = NULL;
  void *addr = NULL;
  *out = NULL;
  if (offset > (uint64_t)INT64_MAX)
    return lpy_err_set(e, LPY_EVALUE, "offset is too large to map");
  fd = open(path, flags | O_CLOEXEC, 0666);
  if (fd < 0)
    return lpy_err_set(e, LPY_ERUNTIME, "cannot open %s: %s", path, strerror(errno));
  if (fstat(fd, &st)) goto syserr;
  if (length == UINT64_MAX) {             /* the rest of the file */
    if ((uint64_t)st.st_size < offset) {
      close(fd);
      return lpy_err_set(e, LPY_EVALUE, "offset %llu is past the end of %s",
                         (unsigned long long)offset, path);
    }
    length = (uint64_t)st.st_size - offset;
  }
  if (length > (uint64_t)INT64_MAX - offset || length > (uint64_t)SIZE_MAX - page) {
    close(fd);
    return lpy_err_set(e, LPY_EVALUE, "offset and length are too large to map");
  }
  if ((uint64_t)st.st_size < offset + length) {
    if (mode != LPY_MAP_RW && mode != LPY_MAP_CREATE) {
      close(fd);
      return lpy_err_set(e, LPY_EVALUE, "the file %s holds %lld bytes, fewer than "
                         "the %llu the array needs from offset %llu", path,
                         (long long)st.st_size, (unsigned long long)length,
                         (unsigned long long)offset);
    }
    if (ftruncate(fd, (off_t)(offset + length))) goto syserr;
  }
  b = malloc(sizeof *b);
  m = malloc(sizeof *m);
  if (!b || !m) {
    free(b); free(m); close(fd);
    return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  }
  start = offset / page * page;
  delta = offset - start;
  m->len = (size_t)(length + delta);
  if (length == 0) {
    m->len = 0;
    addr = empty_data;
    delta = 0;
  } else {
    int prot = mode == LPY_MAP_R ? PROT_READ : PROT_READ | PROT_WRITE;
    int mf = mode == LPY_MAP_COPY ? MAP_PRIVATE | MAP_NORESERVE : MAP_SHARED;
    addr = mmap(NULL, m->len, prot, mf, fd, (off_t)start);
    if (addr == MAP_FAILED) {
      free(b); free(m);
      goto syserr;
    }
  }
  close(fd);
  m->addr = addr;
  b->refcount = 1;
  b->nbytes = (size_t)length;
  b->data = (char *)addr + delta;
  b->release = map_release;
  b->ud = m;
  *out = b;
  return LPY_OK;
syserr:
  {
    int err = errno;
    close(fd);
    return lpy_err_set(e, LPY_ERUNTIME, "cannot map %s: %s", path, strerror(err));
  }
}

int lpy_map_flush(lpy_buffer *b, lpy_err *e) {
  mapping *m;
  if (!lpy_map_is(b)) return LPY_OK;
  m = b->ud;
  if (m->len && msync(m->addr, m->len, MS_SYNC))
    return lpy_err_set(e, LPY_ERUNTIME, "msync failed: %s", strerror(errno));
  return LPY_OK;
}
