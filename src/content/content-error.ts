/** A problem with a content file, as the editor reads it: `content/x.md: title: required, ...`. */
export class ContentError {
  readonly file: string;
  readonly field: string;
  readonly message: string;
  constructor(file: string, field: string, message: string) {
    this.file = file;
    this.field = field;
    this.message = message;
  }
  toString(): string {
    return `${this.file}: ${this.field}: ${this.message}`;
  }
}
