// Upload (with progress) and download of room files over HTTP (P-RES-6, P-RES-9); the bearer token
// goes in a header, so a download is fetched and handed to the browser as a blob.
import { roomFilesPath, type ResourceItem } from '../protocol';

/** An upload's refusal: HTTP status (0: no answer) and the problem's code and detail. */
export class UploadFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly reason: string,
  ) {
    super(code !== null ? `${code}: ${reason}` : reason);
    this.name = 'UploadFailure';
  }
}

/** Sends the file's bytes as the body; `progress` gets the fraction sent (0..1). */
export function uploadFile(roomId: string, file: File, token: string, progress: (fraction: number) => void): Promise<ResourceItem> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${roomFilesPath(roomId)}?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) progress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status === 201) {
        resolve(JSON.parse(request.responseText) as ResourceItem);
        return;
      }
      const problem = parseProblem(request.responseText);
      reject(new UploadFailure(request.status, problem.code, problem.detail));
    });
    request.addEventListener('error', () => reject(new UploadFailure(0, null, 'no answer')));
    request.addEventListener('abort', () => reject(new UploadFailure(0, null, 'cancelled')));
    request.send(file);
  });
}

/** Fetches a file with the token and lets the browser save (or show) it. */
export async function downloadFile(roomId: string, blobId: string, name: string, token: string): Promise<void> {
  const response = await fetch(roomFilesPath(roomId, blobId), { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const problem = parseProblem(await response.text());
    throw new UploadFailure(response.status, problem.code, problem.detail);
  }
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The browser has started the download by now; the blob is no longer needed after a moment.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function parseProblem(body: string): { code: string | null; detail: string } {
  try {
    const problem = JSON.parse(body) as { code?: unknown; detail?: unknown };
    return {
      code: typeof problem.code === 'string' ? problem.code : null,
      detail: typeof problem.detail === 'string' ? problem.detail : '',
    };
  } catch {
    return { code: null, detail: '' };
  }
}
