package jp.kenpoportal.signin.totp;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTest {

	private static final String PREFIX = "data:image/png;base64,";

	@Test
	void isAPngDataUriOfTheRequestedSize() throws IOException {
		String dataUri = QrCode.pngDataUri("otpauth://totp/x:y?secret=MZXW6YTBOI", 240);

		assertThat(dataUri).startsWith(PREFIX);
		BufferedImage image = image(dataUri);
		assertThat(image.getWidth()).isEqualTo(240);
		assertThat(image.getHeight()).isEqualTo(240);
	}

	@Test
	void decodesBackToTheSameOtpAuthUri() throws Exception {
		String uri = OtpAuthUri.of("さくら電機健康保険組合", "taro.yamada", TotpSecret.generate().base32());

		assertThat(decode(QrCode.pngDataUri(uri, 240))).isEqualTo(uri);
	}

	@Test
	void keepsJapaneseTextIntactThroughUtf8() throws Exception {
		String text = "さくら電機健康保険組合";

		assertThat(decode(QrCode.pngDataUri(text, 240))).isEqualTo(text);
	}

	private static String decode(String dataUri) throws IOException, NotFoundException {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image(dataUri))));
		return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
	}

	private static BufferedImage image(String dataUri) throws IOException {
		byte[] png = Base64.getDecoder().decode(dataUri.substring(PREFIX.length()));
		return ImageIO.read(new ByteArrayInputStream(png));
	}
}
