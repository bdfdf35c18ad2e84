/** Hands a downloaded file to the browser as a download of its own name. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has read the blob once the click returned; give it a moment on slow machines
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
