// An .xlsx is a zip: before exceljs opens one, its central directory is read to refuse zip bombs
// (spec: ≤ 1,000 entries, ≤ 200 MB unpacked, compression ratio ≤ 100:1).
import { open } from 'node:fs/promises';

export const ZIP_LIMITS = { entries: 1000, unpackedBytes: 200 * 1024 * 1024, ratio: 100 };

/** The problem with the archive, or undefined when it is within the limits. */
export async function checkZip(path: string, limits = ZIP_LIMITS): Promise<string | undefined> {
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return '不是有效的 .xlsx（zip）文件';
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (entries > limits.entries) return `压缩包内文件过多（${entries} 个）`;
    if (directoryOffset + directorySize > size) return '压缩包目录损坏';
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    let offset = 0;
    let unpacked = 0;
    let packed = 0;
    for (let i = 0; i < entries; i++) {
      if (directory.readUInt32LE(offset) !== 0x02014b50) return '压缩包目录损坏';
      packed += directory.readUInt32LE(offset + 20);
      unpacked += directory.readUInt32LE(offset + 24);
      offset +=
        46 +
        directory.readUInt16LE(offset + 28) +
        directory.readUInt16LE(offset + 30) +
        directory.readUInt16LE(offset + 32);
    }
    if (unpacked > limits.unpackedBytes) return `解压后过大（${Math.round(unpacked / 1048576)} MB）`;
    if (packed > 0 && unpacked / packed > limits.ratio)
      return `压缩比异常（${Math.round(unpacked / packed)}:1），疑似压缩炸弹`;
    return undefined;
  } finally {
    await handle.close();
  }
}
