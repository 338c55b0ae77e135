import { writeMeasureOgImages } from './src/lib/build/preview-images.ts';
const gen='/tmp/snd-bench-8aOfZj/n400/generated';
const c0=process.cpuUsage(); const f0=process.resourceUsage().minorPageFault;
const r = await writeMeasureOgImages(gen, '/tmp/og-out');
const c=process.cpuUsage(c0);
console.log(process.argv[2]??'', 'images', r.images, 'wall', (r.totalMs/1000).toFixed(1),'s cpu/img', ((c.user+c.system)/1e3/r.images).toFixed(1), 'ms faults/img', ((process.resourceUsage().minorPageFault-f0)/r.images).toFixed(0), 'maxrss MB', (process.resourceUsage().maxRSS/1024).toFixed(0));
