/** Bytes as base64 and back, for what GitHub's API and the shared weekly's file carry as text. */

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: spreading a whole large array into one call overflows the stack.
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** Ignores white space, which GitHub puts every 60 characters of a file's content. */
export function base64ToBytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/\s/g, '')), (char) => char.charCodeAt(0));
}
