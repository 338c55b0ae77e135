import { Resvg } from '@resvg/resvg-js';
import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync, crc32, constants } from 'node:zlib';
const dir='/tmp/snd-bench-Paunxq/n2000/generated/views/og/';
const files=readdirSync(dir).slice(0,60).map(f=>readFileSync(dir+f,'utf8'));
const font={ loadSystemFonts:false, fontFiles:['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf','/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'], defaultFontFamily:'Liberation Sans', sansSerifFamily:'Liberation Sans'};
function chunk(type, data){ const len=Buffer.alloc(4); len.writeUInt32BE(data.length); const td=Buffer.concat([Buffer.from(type,'ascii'),data]); const c=Buffer.alloc(4); c.writeUInt32BE(crc32(td)>>>0); return Buffer.concat([len,td,c]); }
function enc(level){ return (img)=>{ const w=img.width,h=img.height,px=img.pixels; const raw=Buffer.allocUnsafe((w*3+1)*h); let o=0; for(let y=0;y<h;y++){ raw[o++]=0; const row=y*w*4; for(let x=0;x<w;x++){const i=row+x*4; raw[o++]=px[i];raw[o++]=px[i+1];raw[o++]=px[i+2];} }
 const ihdr=Buffer.alloc(13); ihdr.writeUInt32BE(w,0); ihdr.writeUInt32BE(h,4); ihdr[8]=8; ihdr[9]=2;
 return Buffer.concat([Buffer.from([137,80,78,71,13,10,26,10]), chunk('IHDR',ihdr), chunk('IDAT', deflateSync(raw,{level})), chunk('IEND',Buffer.alloc(0))]); }; }
const variants = { asPng: (img)=>img.asPng(), z6: enc(6), z3: enc(3), z1: enc(1) };
const which = process.argv[2];
const fn = variants[which];
const c0=process.cpuUsage(); let size=0;
for (let k=0;k<2;k++) for(const f of files){ const img=new Resvg(f,{font,logLevel:'off'}).render(); size+=fn(img).length; }
const c=process.cpuUsage(c0);
console.log(which.padEnd(6), 'cpu ms/img', ((c.user+c.system)/1000/files.length/2).toFixed(1), 'KB', (size/files.length/2/1024).toFixed(0));
