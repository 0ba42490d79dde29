/*
** tools/sanitize-keep-loaded.c - a tiny LD_PRELOAD shim used only by
** `make sanitize SAN_KEEP_LOADED=1`: dlclose() that does nothing.
**
** lua_close() unloads every C module it loaded (dlclose). LeakSanitizer
** reports leaks at exit, after that, so the stack frames of a leak inside
** lumpy.so point into unmapped memory and are printed as garbage (they were
** even attributed to libasan.so). Keeping the modules mapped gives readable
** leak reports. Not the default: it also hides memory that only lumpy.so's
** globals point to (caches), which is leaked when a host unloads LumPy.
*/
int dlclose(void *handle);
int dlclose(void *handle) {
  (void)handle;
  return 0;
}
