/*
** replay.c - a main() for the fuzz harnesses without libFuzzer: feeds each
** file named on the command line (directories: each file in them) to
** LLVMFuzzerTestOneInput once. Built by gcc with ASan/UBSan so that
** `make sanitize` replays the seed corpus and every crash found so far.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  unsigned char *buf;
  long n;
  if (!f) { perror(path); return 1; }
  if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
    fclose(f);
    return 1;
  }
  buf = malloc(n ? (size_t)n : 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(buf); return 1; }
  fclose(f);
  LLVMFuzzerTestOneInput(buf, (size_t)n);
  free(buf);
  return 0;
}

int main(int argc, char **argv) {
  int i, count = 0, bad = 0;
  for (i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st)) { perror(argv[i]); bad++; continue; }
    if (S_ISDIR(st.st_mode)) {
      DIR *d = opendir(argv[i]);
      struct dirent *de;
      if (!d) { perror(argv[i]); bad++; continue; }
      while ((de = readdir(d))) {
        char path[4096];
        if (de->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", argv[i], de->d_name);
        bad += run_file(path);
        count++;
      }
      closedir(d);
    } else {
      bad += run_file(argv[i]);
      count++;
    }
  }
  printf("replay: %d inputs, %d unreadable\n", count, bad);
  return bad != 0;
}
