// Saves text, or a binary file that arrived as base64, as a file the browser downloads.
function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function saveText(fileName: string, mediaType: string, content: string): void {
  // A BOM so that Excel opens the CSV's Chinese names correctly.
  const bom = mediaType.startsWith('text/csv') && !content.startsWith('\uFEFF') ? '\uFEFF' : '';
  saveBlob(fileName, new Blob([bom, content], { type: mediaType }));
}

/** A server file: plain text, or base64 of a binary one (an XLSX bank file). */
export function saveFile(file: {
  fileName: string;
  mediaType: string;
  encoding?: string;
  content: string;
}): void {
  if (file.encoding !== 'base64') {
    saveText(file.fileName, file.mediaType, file.content);
    return;
  }
  const binary = atob(file.content);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  saveBlob(file.fileName, new Blob([bytes], { type: file.mediaType }));
}

/** A chosen file as base64 (for a binary upload in a JSON body). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
