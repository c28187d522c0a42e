// A minimal store-only ZIP writer (no compression) for "Save all" in the browser: each file gets a local header,
// its bytes, and an entry in the central directory, closed by the end-of-central-directory record. Names are UTF-8
// (general purpose bit 11), "/" separates folders. Limits: under 65,535 files and 4 GiB in all (no ZIP64).

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date of a Date (2-second resolution, local time, years 1980–2107). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A ZIP archive of the files (name → text, written as UTF-8), stored without compression. */
export function zipFiles(files: Record<string, string>, when = new Date()): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const { time, date } = dosTime(when);
  const entries = Object.entries(files).map(([name, text]) => {
    const nameBytes = enc.encode(name.replace(/\\/g, '/').replace(/^\/+/, ''));
    const data = enc.encode(text);
    return { nameBytes, data, crc: crc32(data) };
  });
  if (entries.length > 0xffff) throw new RangeError(`zip: ${entries.length} files is more than a ZIP without ZIP64 holds`);
  const localSize = entries.reduce((n, e) => n + 30 + e.nameBytes.length + e.data.length, 0);
  const centralSize = entries.reduce((n, e) => n + 46 + e.nameBytes.length, 0);
  if (localSize + centralSize + 22 > 0xffffffff) throw new RangeError('zip: the files are larger than a ZIP without ZIP64 holds');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const u16 = (v: number) => {
    view.setUint16(p, v, true);
    p += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(p, v >>> 0, true);
    p += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, p);
    p += b.length;
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(p);
    u32(0x04034b50); // local file header
    u16(20); // version needed: 2.0
    u16(0x0800); // flags: UTF-8 names
    u16(0); // method: stored
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.data.length); // compressed size
    u32(e.data.length); // uncompressed size
    u16(e.nameBytes.length);
    u16(0); // extra field length
    bytes(e.nameBytes);
    bytes(e.data);
  }
  const central = p;
  entries.forEach((e, i) => {
    u32(0x02014b50); // central directory header
    u16(0x0314); // made by: Unix, 2.0
    u16(20);
    u16(0x0800);
    u16(0);
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.nameBytes.length);
    u16(0); // extra
    u16(0); // comment
    u16(0); // disk number
    u16(0); // internal attributes
    u32((0o100644 << 16) >>> 0); // external attributes: regular file, rw-r--r--
    u32(offsets[i]);
    bytes(e.nameBytes);
  });
  u32(0x06054b50); // end of central directory
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralSize);
  u32(central);
  u16(0); // comment length
  return out;
}
