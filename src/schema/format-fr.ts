/** French number formatting for messages (thin spaces as thousands separators, decimal comma). */
const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

export function formatNumberFr(value: number): string {
  return Number.isInteger(value) ? INTEGER.format(value) : DECIMAL.format(value);
}

export function formatPercentFr(value: number): string {
  return PERCENT.format(value);
}

/** Fills {name} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
