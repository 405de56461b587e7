/** A fix intent that cannot be carried out on this text (path gone, wrong node kind, overlap...). */
export class FixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixError';
  }
}
