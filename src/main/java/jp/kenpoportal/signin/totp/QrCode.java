package jp.kenpoportal.signin.totp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** The enrolment QR code as an inline image, so the secret never travels through a separate URL. */
public final class QrCode {

	private QrCode() {
	}

	/** A {@code data:image/png;base64,…} URI, allowed by the page's {@code img-src 'self' data:}. */
	public static String pngDataUri(String text, int sizePx) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(matrix(text, sizePx)));
	}

	private static BitMatrix matrix(String text, int sizePx) {
		Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8",
				EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1);
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx, hints);
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("Cannot encode as a QR code: too long?", e);
		}
	}

	private static byte[] png(BitMatrix matrix) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
