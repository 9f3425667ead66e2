package jp.kenpoportal.medical.deduction;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The household's medical expenses of one calendar year as an .xlsx in the layout of the NTA
 * 医療費集計フォーム (ver. 3.1), which 確定申告書等作成コーナー imports: sheet 「医療費集計フォーム」,
 * totals in C3/C4, column titles in rows 7–8, one expense a row from row 9 in columns B–J.
 *
 * <p>
 * We build the sheet rather than fill the NTA's own file: that file is the NTA's to publish, and
 * changes between versions. What we could not confirm of the real form (the exact header texts
 * beyond the column titles, the column widths, the date format) is our choice and said so below.
 */
public final class DeductionWorkbook {

	public static final String SHEET_NAME = "医療費集計フォーム";

	/**
	 * Rows the form takes. A public generator filling the NTA's ver. 3.1 file stops at 995 data rows
	 * (rows 9–1003); we could not confirm the number from the NTA itself and keep to the smaller one,
	 * which a file of the real form surely imports. More rows fail: cutting them would silently drop
	 * deductible expenses. A caller with more can add up a person's payments to one payee (the form
	 * allows one row per payee) or offer the CSV, which has no limit.
	 */
	public static final int MAX_ROWS = 995;

	/** 1-based, as the form counts. */
	static final int FIRST_DATA_ROW = 9;

	private DeductionWorkbook() {
	}

	/**
	 * Writes the workbook to {@code out}, leaving it open.
	 * @throws IllegalArgumentException before writing anything, for more than {@link #MAX_ROWS} rows
	 * or a payment dated outside {@code year}
	 */
	public static void write(int year, List<DeductionRow> rows, OutputStream out) throws IOException {
		if (rows.size() > MAX_ROWS) {
			throw new IllegalArgumentException(
					"the 医療費集計フォーム takes at most " + MAX_ROWS + " rows, not " + rows.size());
		}
		DeductionForm.checkYear(year, rows);
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			new Form(book, year).fill(rows);
			book.write(out);
		}
	}

	/** One sheet being written, with the styles its cells share (a workbook holds few styles). */
	private static final class Form {

		// Column indexes, 0-based: A is the row number, B–J as on the NTA form.
		private static final int NO = 0, PATIENT = 1, PAYEE = 2, FIRST_CATEGORY = 3, PAID = 7, REIMBURSED = 8,
				PAID_ON = 9;

		private static final int HEADER_TOP = 6, HEADER_BOTTOM = 7;

		// Our widths (in characters): enough for 10 and 20 full-width characters and for the titles.
		private static final int[] WIDTHS = { 6, 24, 44, 12, 12, 12, 12, 16, 16, 14 };

		private final XSSFWorkbook book;

		private final XSSFSheet sheet;

		private final int year;

		private final XSSFCellStyle title, header, label, total, text, quotedText, flag, amount, date, number;

		Form(XSSFWorkbook book, int year) {
			this.book = book;
			this.sheet = book.createSheet(SHEET_NAME);
			this.year = year;
			this.title = style(font(true, 14), false);
			this.header = style(font(true, 11), true);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setVerticalAlignment(VerticalAlignment.CENTER);
			this.header.setWrapText(true);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.label = style(font(true, 11), true);
			this.total = style(font(true, 11), true);
			this.total.setDataFormat(book.createDataFormat().getFormat("#,##0"));
			this.text = style(null, true);
			// Excel keeps a quote-prefixed cell text even when the member edits it (OWASP, CSV injection).
			this.quotedText = style(null, true);
			this.quotedText.setQuotePrefixed(true);
			this.flag = style(null, true);
			this.flag.setAlignment(HorizontalAlignment.CENTER);
			this.amount = style(null, true);
			this.amount.setDataFormat(book.createDataFormat().getFormat("#,##0"));
			// A real date cell, so the member can sort and filter; the form's own format is unconfirmed.
			this.date = style(null, true);
			this.date.setDataFormat(book.createDataFormat().getFormat("yyyy/mm/dd"));
			this.date.setAlignment(HorizontalAlignment.CENTER);
			this.number = style(null, true);
			this.number.setAlignment(HorizontalAlignment.CENTER);
		}

		void fill(List<DeductionRow> rows) {
			for (int column = 0; column < WIDTHS.length; column++) {
				sheet.setColumnWidth(column, WIDTHS[column] * 256);
			}
			heading(rows);
			columnTitles();
			for (int i = 0; i < rows.size(); i++) {
				expense(FIRST_DATA_ROW - 1 + i, i + 1, rows.get(i));
			}
			// The titles stay in view while scrolling and on every printed page.
			sheet.createFreezePane(0, FIRST_DATA_ROW - 1);
			sheet.setRepeatingRows(new CellRangeAddress(HEADER_TOP, HEADER_BOTTOM, -1, -1));
			sheet.getPrintSetup().setLandscape(true);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
		}

		/*
		 * Rows 1–5. The form's totals sit in C3/C4 (SUM formulas in the real file, as public code filling
		 * it relies on); the labels in B3/B4 and the lines in A1, A2, E3, E4 are ours, unconfirmed. Our
		 * totals are plain numbers, not formulas: the importer, and any reader without a formula
		 * engine, sees them; the rows under them are final.
		 */
		private void heading(List<DeductionRow> rows) {
			cell(0, 0, SHEET_NAME, title);
			cell(1, 0, yearLabel(year), null);
			cell(2, 1, "医療費の合計", label);
			cell(2, 2, DeductionForm.totalPaid(rows), total);
			cell(3, 1, "補填される金額の合計", label);
			cell(3, 2, DeductionForm.totalReimbursed(rows), total);
			cell(2, 4, "「" + DeductionForm.PATIENT + "」は" + DeductionForm.PATIENT_LENGTH + "文字まで、「"
					+ DeductionForm.PAYEE + "」は" + DeductionForm.PAYEE_LENGTH + "文字までで、超える部分は省いています。", null);
			cell(3, 4, "金額の単位は円です。", null);
		}

		/*
		 * Rows 7–8: 医療費の区分 over D–G, each other title over both rows; A holds the row number, as the
		 * form's own A column does (=ROW()-8 there; a plain number here).
		 */
		private void columnTitles() {
			cell(HEADER_TOP, NO, "No.", header);
			cell(HEADER_TOP, PATIENT, DeductionForm.PATIENT, header);
			cell(HEADER_TOP, PAYEE, DeductionForm.PAYEE, header);
			cell(HEADER_TOP, FIRST_CATEGORY, "医療費の区分", header);
			cell(HEADER_TOP, PAID, DeductionForm.PAID, header);
			cell(HEADER_TOP, REIMBURSED, DeductionForm.REIMBURSED, header);
			cell(HEADER_TOP, PAID_ON, DeductionForm.PAID_ON, header);
			for (DeductionCategory category : DeductionCategory.values()) {
				cell(HEADER_BOTTOM, FIRST_CATEGORY + category.ordinal(), category.title(), header);
			}
			for (int column = 0; column <= PAID_ON; column++) {
				// Merged cells show the top left one's text; the others still need the borders.
				for (int row = HEADER_TOP; row <= HEADER_BOTTOM; row++) {
					cellAt(row, column).setCellStyle(header);
				}
				if (column < FIRST_CATEGORY || column >= PAID) {
					sheet.addMergedRegion(new CellRangeAddress(HEADER_TOP, HEADER_BOTTOM, column, column));
				}
			}
			sheet.addMergedRegion(new CellRangeAddress(HEADER_TOP, HEADER_TOP, FIRST_CATEGORY, PAID - 1));
			sheet.getRow(HEADER_BOTTOM).setHeightInPoints(32);
		}

		private void expense(int rowIndex, int number, DeductionRow expense) {
			cell(rowIndex, NO, number, this.number);
			name(rowIndex, PATIENT, DeductionForm.patient(expense));
			name(rowIndex, PAYEE, DeductionForm.payee(expense));
			for (DeductionCategory category : DeductionCategory.values()) {
				XSSFCell cell = cellAt(rowIndex, FIRST_CATEGORY + category.ordinal());
				cell.setCellStyle(flag);
				if (category == expense.category()) {
					cell.setCellValue(DeductionForm.APPLIES);
				}
			}
			cell(rowIndex, PAID, expense.paidAmount(), amount);
			cell(rowIndex, REIMBURSED, expense.reimbursedAmount(), amount);
			XSSFCell paidOn = cellAt(rowIndex, PAID_ON);
			paidOn.setCellStyle(date);
			if (expense.paidOn() != null) {
				paidOn.setCellValue(expense.paidOn());
			}
		}

		/* A string cell is never a formula; the quote prefix also keeps it one after an edit in Excel. */
		private void name(int row, int column, String name) {
			cell(row, column, name, DeductionForm.looksLikeFormula(name) ? quotedText : text);
		}

		private void cell(int row, int column, String value, XSSFCellStyle style) {
			XSSFCell cell = cellAt(row, column);
			cell.setCellValue(value);
			if (style != null) {
				cell.setCellStyle(style);
			}
		}

		private void cell(int row, int column, long value, XSSFCellStyle style) {
			XSSFCell cell = cellAt(row, column);
			cell.setCellValue((double) value);
			cell.setCellStyle(style);
		}

		private XSSFCell cellAt(int rowIndex, int column) {
			XSSFRow row = sheet.getRow(rowIndex);
			if (row == null) {
				row = sheet.createRow(rowIndex);
			}
			XSSFCell cell = row.getCell(column);
			return cell != null ? cell : row.createCell(column);
		}

		private XSSFFont font(boolean bold, int points) {
			XSSFFont font = book.createFont();
			font.setBold(bold);
			font.setFontHeightInPoints((short) points);
			return font;
		}

		private XSSFCellStyle style(XSSFFont font, boolean bordered) {
			XSSFCellStyle style = book.createCellStyle();
			if (font != null) {
				style.setFont(font);
			}
			if (bordered) {
				style.setBorderTop(BorderStyle.THIN);
				style.setBorderBottom(BorderStyle.THIN);
				style.setBorderLeft(BorderStyle.THIN);
				style.setBorderRight(BorderStyle.THIN);
			}
			return style;
		}

		/** 「2025年（令和7年）分」: members know the tax year by its era name. */
		static String yearLabel(int year) {
			if (year < 2019) {
				return year + "年分";
			}
			int reiwa = year - 2018;
			return year + "年（令和" + (reiwa == 1 ? "元" : reiwa) + "年）分";
		}
	}
}
