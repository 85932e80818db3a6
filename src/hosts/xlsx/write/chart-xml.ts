/**
 * DrawingML for charts: one chart part per ChartModel and one drawing part per sheet anchoring
 * its charts. Series point at sheet ranges (no cached values): Excel and
 * LibreOffice read the cells when they open the file.
 */
import { parseA1, parseRange, sheetRef } from '../../../core/a1';
import type { ChartModel } from '../../../core/workbook-model';
import { xmlEscape } from './xml-text';

const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function title(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="fr-FR" b="1"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function ref(sheetName: string, range: string, chart: ChartModel): string {
  try {
    return xmlEscape(sheetRef(sheetName, parseRange(range)));
  } catch {
    throw new Error(`Graphique « ${chart.title} » (feuille « ${sheetName} ») : plage « ${range} » invalide.`);
  }
}

/** Explicit colours, checked: RGB hex without '#'. */
function colors(sheetName: string, chart: ChartModel): string[] {
  return (chart.colors ?? []).map((c) => {
    const hex = c.replace(/^#/, '').toUpperCase();
    if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`Graphique « ${chart.title} » (feuille « ${sheetName} ») : couleur invalide « ${c} » (attendu : 6 chiffres hexadécimaux).`);
    return hex;
  });
}

const solidFill = (hex: string) => `<c:spPr><a:solidFill><a:srgbClr val="${hex}"/></a:solidFill></c:spPr>`;

/** Pie slices, one colour per category (the colours repeat if there are more categories). */
function pointFills(sheetName: string, chart: ChartModel, palette: readonly string[]): string {
  if (palette.length === 0) return '';
  let count;
  try {
    const r = parseRange(chart.categories);
    count = Math.max(r.bottom - r.top, r.right - r.left) + 1;
  } catch {
    throw new Error(`Graphique « ${chart.title} » (feuille « ${sheetName} ») : plage « ${chart.categories} » invalide.`);
  }
  let out = '';
  for (let i = 0; i < count; i++) out += `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${solidFill(palette[i % palette.length]!)}</c:dPt>`;
  return out;
}

function series(sheetName: string, chart: ChartModel): string {
  const cat = ref(sheetName, chart.categories, chart);
  const palette = colors(sheetName, chart);
  const pie = chart.type === 'pie';
  // Element order of CT_PieSer / CT_BarSer: idx, order, tx, spPr, (invertIfNegative), dPt, cat, val.
  return chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>` +
        (!pie && palette.length ? solidFill(palette[i % palette.length]!) : '') +
        (pie ? pointFills(sheetName, chart, palette) : '<c:invertIfNegative val="0"/>') +
        `<c:cat><c:strRef><c:f>${cat}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(sheetName, s.values, chart)}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join('');
}

/** Values shown on the bars or slices in the chart's number format (CT_DLbls element order). */
function dataLabels(chart: ChartModel): string {
  if (chart.valueFormat === undefined) return '';
  return (
    `<c:dLbls><c:numFmt formatCode="${xmlEscape(chart.valueFormat)}" sourceLinked="0"/>` +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
  );
}

function axes(horizontal: boolean, valueFormat: string | undefined): string {
  const valFmt = valueFormat === undefined ? '<c:numFmt formatCode="General" sourceLinked="1"/>' : `<c:numFmt formatCode="${xmlEscape(valueFormat)}" sourceLinked="0"/>`;
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>${valFmt}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plot(sheetName: string, chart: ChartModel): string {
  if (chart.type === 'pie') {
    return `<c:pieChart><c:varyColors val="1"/>${series(sheetName, chart)}${dataLabels(chart)}<c:firstSliceAng val="0"/></c:pieChart>`;
  }
  const horizontal = chart.type === 'bar';
  const stacked = chart.type === 'stackedColumn';
  return (
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/>` +
    `<c:varyColors val="0"/>${series(sheetName, chart)}${dataLabels(chart)}<c:gapWidth val="150"/>` +
    (stacked ? '<c:overlap val="100"/>' : '') +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    axes(horizontal, chart.valueFormat)
  );
}

/** xl/charts/chartN.xml */
export function chartXml(sheetName: string, chart: ChartModel): string {
  if (chart.series.length === 0) throw new Error(`Graphique « ${chart.title} » (feuille « ${sheetName} ») sans série.`);
  return (
    HEADER +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:lang val="fr-FR"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot(sheetName, chart)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${chart.type === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function marker(tag: 'from' | 'to', col0: number, row0: number): string {
  return `<xdr:${tag}><xdr:col>${col0}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row0}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** xl/drawings/drawingN.xml: charts[i] is linked by relationship rId{i+1} of the drawing. */
export function drawingXml(sheetName: string, charts: readonly ChartModel[]): string {
  const anchors = charts.map((chart, i) => {
    let from;
    let to;
    try {
      from = parseA1(chart.from);
      to = parseA1(chart.to);
    } catch {
      throw new Error(`Graphique « ${chart.title} » (feuille « ${sheetName} ») : position ${chart.from}:${chart.to} invalide.`);
    }
    // The chart covers the "to" cell: its bottom-right corner is the next cell's top-left.
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from.col - 1, from.row - 1)}${marker('to', to.col, to.row)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Graphique ${i + 1}" descr="${xmlEscape(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return HEADER + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`;
}
