import { formatNumberFr } from '../../schema/index.js';
import type { ValidationIssue } from '../records.js';
import { keepHiddenClass } from '../hidden-class.js';

/** Collects one file's issues up to a cap; past it, issues are only counted. */
export class IssueSink {
  readonly issues: ValidationIssue[] = [];
  errors = 0;
  warnings = 0;
  omitted = 0;
  private omittedErrors = 0;

  constructor(
    readonly file: string,
    private readonly cap: number,
  ) {}

  add(issue: ValidationIssue): void {
    if (issue.severity === 'erreur') this.errors++;
    else this.warnings++;
    if (this.issues.length < this.cap) this.issues.push(issue);
    else {
      this.omitted++;
      if (issue.severity === 'erreur') this.omittedErrors++;
    }
  }

  /** The listed issues, closed by a too-many-issues issue when the cap was reached. */
  finish(): ValidationIssue[] {
    if (this.omitted === 0) return this.issues;
    const n = formatNumberFr(this.omitted);
    return [
      ...this.issues,
      {
        code: 'too-many-issues',
        severity: this.omittedErrors > 0 ? 'erreur' : 'avertissement',
        file: this.file,
        value: String(this.omitted),
        message: `Trop de problèmes dans ce fichier : les ${formatNumberFr(this.issues.length)} premiers sont listés, ${n} autre${this.omitted > 1 ? 's' : ''} (dont ${formatNumberFr(this.omittedErrors)} erreur${this.omittedErrors > 1 ? 's' : ''}) ne le ${this.omitted > 1 ? 'sont' : 'est'} pas. Corrigez les premiers, souvent de même cause, puis vérifiez à nouveau.`,
      },
    ];
  }
}

// A sink built from constants, kept: see keepHiddenClass (real sinks live for one file).
keepHiddenClass(new IssueSink('', 0));
