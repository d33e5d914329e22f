// Why a file is not ingested. A RefusedInput is the input's fault (empty,
// binary, too large, undecodable, unsupported, a scan without text): its
// message is the reason shown to the user, one clear line.
export class RefusedInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedInput';
  }
}
