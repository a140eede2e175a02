'use strict';
// Real, small parcel documents for the v3 Parcel documents API: a PDF whose text (drawn in Helvetica, a standard
// Type1 font) holds the tracking number, a PNG with a barcode-like pattern and the tracking number in a tEXt chunk,
// and ZPL. Several parcels make one file: a page each in a PDF, labels stacked top to bottom in a PNG, one
// ^XA…^XZ label format after the other in ZPL (a printer prints each format as a label).
const zlib = require('zlib');

const MM_PER_INCH = 25.4;
const POINTS_PER_INCH = 72;
/** ISO 216 sizes in millimetres; labels are A6, customs documents A4 unless the request says otherwise. */
const PAPER_MM = { A4: [210, 297], A5: [148, 210], A6: [105, 148] };
const DEFAULT_PAPER = { label: 'A6', 'customs-declaration': 'A4', 'air-waybill': 'A4' };
const TITLES = {
	label: 'Shipping label',
	'customs-declaration': 'Customs declaration (CN23)',
	'air-waybill': 'Air waybill',
};
const EXTENSIONS = { 'application/pdf': 'pdf', 'image/png': 'png', 'application/zpl': 'zpl' };

/** Text lines printed on one parcel's document. */
function linesOf(type, parcel) {
	return [
		TITLES[type],
		`${parcel.carrier.name}`,
		`Tracking number: ${parcel.tracking_number}`,
		`Parcel ${parcel.id}`,
		`To: ${parcel.to.name}, ${parcel.to.postal_code} ${parcel.to.city} ${parcel.to.country_code}`,
	];
}

const pdfString = (text) =>
	`(${text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?')})`;

/** A PDF 1.4 file with one page per parcel. */
function pdf(type, parcels, paper) {
	const [width, height] = PAPER_MM[paper].map((mm) =>
		((mm / MM_PER_INCH) * POINTS_PER_INCH).toFixed(2),
	);
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		null,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	const pageRefs = [];
	for (const parcel of parcels) {
		const text = linesOf(type, parcel)
			.map(
				(line, i) =>
					`BT /F1 ${i === 0 ? 14 : 10} Tf 20 ${height - 40 - i * 22} Td ${pdfString(line)} Tj ET`,
			)
			.join('\n');
		const stream = `${text}\n10 10 ${width - 20} ${height - 20} re S\n`;
		objects.push(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}endstream`);
		objects.push(
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`,
		);
		pageRefs.push(`${objects.length} 0 R`);
	}
	objects[1] = `<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pageRefs.length} >>`;
	let body = '%PDF-1.4\n';
	const offsets = objects.map((object, i) => {
		const offset = Buffer.byteLength(body);
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
		return offset;
	});
	const xref = Buffer.byteLength(body);
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(buffer) {
	let c = 0xffffffff;
	for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

/**
 * An 8-bit greyscale PNG at the paper size and dpi, one label under the other: a frame and a bar pattern drawn from
 * the tracking number's bits. A tEXt chunk per parcel carries its tracking number (an image has no text layer).
 */
function png(type, parcels, paper, dpi) {
	const [width, labelHeight] = PAPER_MM[paper].map((mm) => Math.round((mm / MM_PER_INCH) * dpi));
	const rowBytes = width + 1; // a filter byte (0, none) before each row
	const raw = Buffer.alloc(rowBytes * labelHeight * parcels.length, 0xff);
	const margin = Math.round(dpi / 10);
	parcels.forEach((parcel, index) => {
		const bits = [...Buffer.from(parcel.tracking_number)].flatMap((byte) =>
			[7, 6, 5, 4, 3, 2, 1, 0].map((b) => (byte >> b) & 1),
		);
		const barWidth = Math.max(1, Math.floor((width - 2 * margin) / bits.length));
		for (let y = 0; y < labelHeight; y++) {
			const row = (index * labelHeight + y) * rowBytes;
			raw[row] = 0;
			const frame = y < 2 || y >= labelHeight - 2;
			const inBarcode = y >= labelHeight / 2 && y < labelHeight / 2 + dpi / 2;
			for (let x = 0; x < width; x++) {
				const bar = inBarcode && x >= margin && bits[Math.floor((x - margin) / barWidth)] === 1;
				if (frame || x < 2 || x >= width - 2 || bar) raw[row + 1 + x] = 0;
			}
		}
	});
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(labelHeight * parcels.length, 4);
	header.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filtering, no interlace
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		...parcels.map((parcel) =>
			pngChunk('tEXt', Buffer.from(`Comment\0${linesOf(type, parcel).join(' | ')}`, 'latin1')),
		),
		pngChunk('IDAT', zlib.deflateSync(raw)),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/** ZPL II: one label format per parcel, with the tracking number as text and as a Code 128 barcode. */
function zpl(type, parcels) {
	return Buffer.from(
		parcels
			.map((parcel) => {
				const [title, carrier, tracking, id, to] = linesOf(type, parcel);
				const field = (y, text) => `^FO40,${y}^FD${text.replace(/[\^~]/g, ' ')}^FS`;
				return [
					'^XA',
					'^CF0,30',
					field(40, title),
					field(90, carrier),
					field(140, tracking),
					field(190, id),
					field(240, to),
					`^FO40,300^BCN,120,Y,N,N^FD${parcel.tracking_number}^FS`,
					'^XZ',
				].join('\n');
			})
			.join('\n') + '\n',
		'latin1',
	);
}

/**
 * The file for `parcels` (each {id, tracking_number, carrier: {name}, to: address}) in `format`, at `paper`
 * (A4/A5/A6, the document type's own size when undefined) and `dpi` (PNG only).
 */
function renderDocument({ type, parcels, format, paper = DEFAULT_PAPER[type], dpi }) {
	if (format === 'image/png') return png(type, parcels, paper, dpi);
	if (format === 'application/zpl') return zpl(type, parcels);
	return pdf(type, parcels, paper);
}

module.exports = { renderDocument, EXTENSIONS };
