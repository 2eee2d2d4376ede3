// Saves text as a file the browser downloads.
export function saveText(fileName: string, mediaType: string, content: string): void {
  // A BOM so that Excel opens the CSV's Chinese names correctly.
  const bom = mediaType.startsWith('text/csv') && !content.startsWith('\uFEFF') ? '\uFEFF' : '';
  const url = URL.createObjectURL(new Blob([bom, content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
