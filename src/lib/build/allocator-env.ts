/**
 * Memory-allocator settings for the build's child processes. On the virtual machines the site is
 * built on, the first touch of a page of memory the kernel has just handed out costs about 13 µs
 * (10.6 ms to allocate and fill 3 MB, against 0.03 ms to fill it again). glibc's malloc hands blocks
 * over 128 KB straight back to the kernel when they are freed, and resvg's allocator (mimalloc)
 * purges freed memory after 10 ms, so every preview image's 3 MB pixmap, and every large buffer in
 * the data step and in Astro, was fresh memory again: about 1,100 page faults an image, 45% of its
 * CPU time. Keeping freed memory for reuse costs no peak memory (the peak is the peak either way)
 * and only delays handing memory back until the step's process exits, which it does when done.
 */

/** glibc's settings: serve blocks up to 128 MiB from the heap, and trim the heap only past 1 GiB free. */
const GLIBC_SETTINGS = ['glibc.malloc.mmap_threshold=134217728', 'glibc.malloc.trim_threshold=1073741824'];

/**
 * `env` with the allocator settings added, for a child process to start with (they are read once, at
 * start). A setting already in `env` wins: whoever set it knows their machine.
 */
export function withAllocatorTuning(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const given = env.GLIBC_TUNABLES ? env.GLIBC_TUNABLES.split(':') : [];
  const named = new Set(given.map((setting) => setting.split('=')[0]));
  const tunables = [...given, ...GLIBC_SETTINGS.filter((setting) => !named.has(setting.split('=')[0]))].join(':');
  // mimalloc (inside resvg): never purge freed memory while the process lives.
  return { ...env, GLIBC_TUNABLES: tunables, MIMALLOC_PURGE_DELAY: env.MIMALLOC_PURGE_DELAY ?? '-1' };
}
