import assert from 'node:assert/strict';
import test from 'node:test';
import { withAllocatorTuning } from '../../../src/lib/build/allocator-env.ts';

test('a child step starts with glibc and mimalloc told to keep freed memory for reuse', () => {
  const env = withAllocatorTuning({ PATH: '/bin' });
  assert.equal(env.PATH, '/bin');
  assert.equal(env.GLIBC_TUNABLES, 'glibc.malloc.mmap_threshold=134217728:glibc.malloc.trim_threshold=1073741824');
  assert.equal(env.MIMALLOC_PURGE_DELAY, '-1');
});

test("settings already in the environment win, and other tunables are kept", () => {
  const env = withAllocatorTuning({ GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=1:glibc.pthread.rseq=0', MIMALLOC_PURGE_DELAY: '10' });
  assert.equal(env.GLIBC_TUNABLES, 'glibc.malloc.trim_threshold=1:glibc.pthread.rseq=0:glibc.malloc.mmap_threshold=134217728');
  assert.equal(env.MIMALLOC_PURGE_DELAY, '10');
});
