// The parts of amphtml-validator's API the tests use (the package ships no types).
declare module 'amphtml-validator' {
  interface ValidationError {
    severity: 'ERROR' | 'WARNING';
    line: number;
    col: number;
    message: string;
    specUrl: string | null;
    code: string;
  }
  interface ValidationResult {
    status: 'PASS' | 'FAIL' | 'UNKNOWN';
    errors: ValidationError[];
  }
  interface Validator {
    validateString(html: string): ValidationResult;
  }
  function getInstance(validatorJs?: string): Promise<Validator>;
  const amphtmlValidator: { getInstance: typeof getInstance };
  export default amphtmlValidator;
}
