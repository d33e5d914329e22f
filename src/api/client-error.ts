// Requests Node's HTTP parser refuses before any handler sees them. Node's
// own answer is a bare "400 Bad Request" with no body, which leaves a user
// guessing; the commonest cause is a URL typed with raw Chinese characters
// (curl 'http://…/export/gexf?jurisdiction=罗江区' sends them unencoded), so
// the 400 says what is wrong and how to send it. Header overflows (431) and
// request timeouts (408) keep Node's status, now with a message too.
import type { Socket } from 'node:net';

interface ParserError extends Error {
  code?: string;
  reason?: string;
}

/** The status and message for a request the parser refused. */
export function clientErrorAnswer(error: ParserError): { status: number; text: string; message: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') return { status: 431, text: 'Request Header Fields Too Large', message: 'the request headers are too large' };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, text: 'Request Timeout', message: 'the request took too long to arrive' };
  if (error.code === 'HPE_INVALID_URL') {
    return {
      status: 400,
      text: 'Bad Request',
      message:
        'the URL holds characters that must be percent-encoded (such as Chinese text or spaces): ' +
        "encode each query value (encodeURIComponent in JavaScript; curl -G URL --data-urlencode 'jurisdiction=罗江区')",
    };
  }
  return { status: 400, text: 'Bad Request', message: `the request is not valid HTTP (${error.reason ?? error.code ?? 'unreadable'})` };
}

/**
 * The server's 'clientError' listener: a JSON answer where the socket still
 * takes one. A request that overran the request timeout while an answer to it
 * was already under way (an early refusal) just loses its connection.
 */
export function answerClientError(error: ParserError, socket: Socket): void {
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === 'ECONNRESET' || !socket.writable || answering) {
    socket.destroy();
    return;
  }
  const { status, text, message } = clientErrorAnswer(error);
  const body = JSON.stringify({ errors: [{ message }] });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
