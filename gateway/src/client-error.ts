/**
 * Answers a request Node's HTTP parser refused (headers over the limit, malformed bytes) so that the client can read
 * the answer. Node's own handler writes the status and destroys the socket at once: with the client's bytes still
 * unread in the kernel, that sends a TCP reset, and a client still sending its headers gets ECONNRESET instead of the
 * 431. Here the answer is written, our side is closed (FIN), and whatever the client still sends is read and dropped
 * until it closes too, or for a bounded time.
 */
import type { Duplex } from 'node:stream';

const LINGER_MS = 2_000;

/** The status Node itself gives each parser error (lib/_http_server.js), 400 for the rest. */
function statusFor(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return '431 Request Header Fields Too Large';
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return '413 Payload Too Large';
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return '408 Request Timeout';
    default:
      return '400 Bad Request';
  }
}

export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  // the parser is done with this socket: nothing after this is a request
  socket.removeAllListeners('data');
  socket.on('data', () => undefined);
  socket.on('error', () => undefined);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.once('end', () => socket.destroy());
  socket.end(`HTTP/1.1 ${statusFor(err)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.resume();
}
