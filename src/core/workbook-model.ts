/**
 * The neutral model of a workbook the project writes: templates and the consolidated workbook.
 * Hosts render it (our xlsx writer for files, Office.js for the open workbook); the core builds it.
 * Rows and columns are 1-based, as in Excel. Text values are always written as text, never as
 * formulas: only `formula` makes a formula.
 */

export interface StyleModel {
  readonly numFmt?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** Font colour, RGB hex without '#', e.g. '1F1F1F'. */
  readonly color?: string;
  /** Fill colour, RGB hex without '#'. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly border?: 'thin' | 'none';
  /** Protection: false for input cells of a protected sheet. Default true (Excel's). */
  readonly locked?: boolean;
  readonly indent?: number;
}

export interface CellModel {
  readonly row: number;
  readonly col: number;
  /** The value, or a formula's cached result when known. */
  readonly value?: string | number | boolean | null;
  /** A formula without the leading '=', in English function names and ',' separators. */
  readonly formula?: string;
  readonly style?: StyleModel;
  /** A note shown on hover. */
  readonly note?: string;
  /** An internal link (e.g. "#'Feuille'!C7") or an https URL. */
  readonly hyperlink?: string;
}

export interface ColumnModel {
  /** Width in characters. */
  readonly width?: number;
  readonly hidden?: boolean;
}

export interface DataValidationModel {
  /** A1 range(s), space-separated; always bounded (never whole columns). */
  readonly range: string;
  readonly type: 'list' | 'whole' | 'decimal' | 'textLength' | 'custom';
  readonly operator?: 'between' | 'greaterThanOrEqual' | 'lessThanOrEqual' | 'equal';
  /** Formulas without '=': for a list, a quoted comma list ("\"EI,ACI\"") or a range. */
  readonly formulae: readonly string[];
  readonly allowBlank: boolean;
  readonly prompt?: { readonly title: string; readonly message: string };
  readonly error?: { readonly title: string; readonly message: string };
}

export interface TableModel {
  /** Stable name readers rely on (letters, digits, underscores). */
  readonly name: string;
  /** Top-left cell of the header row. */
  readonly topLeft: string;
  readonly columns: readonly string[];
  /** Number of data rows (the table spans header + rows). */
  readonly rowCount: number;
  readonly style?: string;
}

export interface ConditionalFormatModel {
  readonly range: string;
  readonly rules: readonly (
    | { readonly type: 'cellIs'; readonly operator: 'equal' | 'greaterThan' | 'lessThan' | 'between'; readonly formulae: readonly string[]; readonly style: StyleModel }
    | { readonly type: 'expression'; readonly formula: string; readonly style: StyleModel }
    | { readonly type: 'containsText'; readonly text: string; readonly style: StyleModel }
  )[];
}

export interface ChartModel {
  readonly type: 'bar' | 'column' | 'pie' | 'stackedColumn';
  readonly title: string;
  /** A1 range of category labels on this sheet. */
  readonly categories: string;
  readonly series: readonly { readonly name: string; readonly values: string }[];
  /** Where the chart sits: top-left and bottom-right cells. */
  readonly from: string;
  /** Number format of the value axis and data labels, e.g. '#,##0' (thousands separators). */
  readonly valueFormat?: string;
  /**
   * Explicit colours, RGB hex without '#': one per data point for a pie, one per series
   * otherwise. Without them each program picks its own palette (LibreOffice's differs).
   */
  readonly colors?: readonly string[];
  readonly to: string;
}

export interface PrintModel {
  readonly orientation: 'portrait' | 'landscape';
  /** Fit to one page wide, any number of pages tall. */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, e.g. "1:3". */
  readonly titleRows?: string;
  /** Columns repeated at the left of each printed page, e.g. "A:B". */
  readonly titleColumns?: string;
}

export interface SheetModel {
  readonly name: string;
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
  readonly tabColor?: string;
  readonly columns?: readonly ColumnModel[];
  readonly cells: readonly CellModel[];
  /** Styles applied to every cell of a bounded range (e.g. unlocked input rows). */
  readonly rangeStyles?: readonly { readonly range: string; readonly style: StyleModel }[];
  readonly merges?: readonly string[];
  /**
   * Explicit row heights in points (Excel's default row is 15 pt). Neither Excel nor LibreOffice
   * grows a row to fit wrapped text when opening a file, and never for merged cells: builders set
   * the height of rows whose text wraps onto several lines.
   */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly validations?: readonly DataValidationModel[];
  readonly tables?: readonly TableModel[];
  readonly conditionalFormats?: readonly ConditionalFormatModel[];
  readonly charts?: readonly ChartModel[];
  /** Protected without password: locked cells cannot be edited, unlocked ones can. */
  readonly protection?: { readonly enabled: boolean };
  readonly print?: PrintModel;
}

export interface DefinedNameModel {
  readonly name: string;
  /** A reference ('Feuille'!$A$1:$B$2) or a constant formula ("\"1.0.0\""). */
  readonly ref: string;
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
  readonly definedNames?: readonly DefinedNameModel[];
  readonly properties?: { readonly title?: string; readonly subject?: string; readonly creator?: string };
}
