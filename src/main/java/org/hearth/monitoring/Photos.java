package org.hearth.monitoring;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.hearth.platform.DocumentStore;
import org.hearth.platform.StoredDocument;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Photos of condition assessments. A photo is JPEG or PNG by its content, whatever its name says, and not larger than
 * the limit; it is then decoded and written again from its pixels alone. What a camera or phone adds — EXIF with the
 * GPS position where it was taken, the device, the time, a thumbnail — is not carried over: the photos are public,
 * and the position would tell where the photographer stood. The EXIF orientation is applied to the pixels first, so
 * that a photo taken upright still shows upright.
 */
@Component
class Photos {

	static final String JPEG = "image/jpeg";
	static final String PNG = "image/png";

	/** The quality JPEG photos are written again in: visibly the same, about as large as a camera's. */
	static final float JPEG_QUALITY = 0.9f;

	private final DocumentStore documents;
	private final MonitoringProperties properties;

	Photos(DocumentStore documents, MonitoringProperties properties) {
		this.documents = documents;
		this.properties = properties;
	}

	/** A photo as it will be stored: written again, without metadata. */
	record Clean(byte[] bytes, String mediaType, int width, int height) {
	}

	/** The largest photo accepted: the setting, never more than the installation takes at all. */
	long maxBytes() {
		return Math.min(properties.photoMaxSize().toBytes(), documents.maxSize().toBytes());
	}

	/**
	 * Reads and writes the photo again. Refused, with the photo's number among those chosen: empty, too large, not a
	 * JPEG or PNG by its content, too many pixels, or not readable as an image.
	 */
	Clean clean(HeritageSites.Photo photo, int number) {
		long max = maxBytes();
		long megabytes = Math.max(1, max / (1024 * 1024));
		if (photo.size() > max) {
			throw new RuleViolationException("monitoring.error.photo-too-large", number, megabytes);
		}
		byte[] bytes;
		try {
			bytes = photo.content().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (bytes.length == 0) {
			throw new RuleViolationException("monitoring.error.photo-empty", number);
		}
		if (bytes.length > max) {
			throw new RuleViolationException("monitoring.error.photo-too-large", number, megabytes);
		}
		String type = sniff(bytes);
		if (type == null) {
			throw new RuleViolationException("monitoring.error.photo-type", number);
		}
		BufferedImage image = decode(bytes, number);
		if (JPEG.equals(type)) {
			image = orient(image, orientation(bytes));
		}
		return new Clean(encode(image, type), type, image.getWidth(), image.getHeight());
	}

	StoredDocument store(Clean clean) {
		return documents.store(new ByteArrayInputStream(clean.bytes()), clean.bytes().length,
				JPEG.equals(clean.mediaType()) ? "photo.jpg" : "photo.png", documents.maxSize(), List.of(JPEG, PNG));
	}

	/** JPEG or PNG by their signatures; anything else, a PDF or a text named .jpg, is not a photo here. */
	static @Nullable String sniff(byte[] head) {
		if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
			return JPEG;
		}
		if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
				&& head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
			return PNG;
		}
		return null;
	}

	/** Decodes the image, after checking from its header alone that its size in pixels is reasonable. */
	private BufferedImage decode(byte[] bytes, int number) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new RuleViolationException("monitoring.error.photo-unreadable", number);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > properties.photoMaxPixels()) {
					throw new RuleViolationException("monitoring.error.photo-too-many-pixels", number,
							properties.photoMaxPixels() / 1_000_000);
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof RuleViolationException refused) {
				throw refused;
			}
			// A truncated file, a CMYK JPEG, a corrupt PNG: ImageIO says so in many ways, all of them this.
			throw new RuleViolationException("monitoring.error.photo-unreadable", number);
		}
	}

	private static byte[] encode(BufferedImage image, String type) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (PNG.equals(type)) {
				ImageIO.write(image, "png", out);
				return out.toByteArray();
			}
			BufferedImage rgb = image;
			if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR
					&& image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
				rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
				Graphics2D g = rgb.createGraphics();
				g.drawImage(image, 0, 0, null);
				g.dispose();
			}
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
				writer.setOutput(output);
				ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
				// No metadata given: the writer adds its minimal JFIF header and nothing of the original.
				writer.write(null, new IIOImage(rgb, null, null), param);
			}
			finally {
				writer.dispose();
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The EXIF orientation (1 to 8) of a JPEG, 1 (as stored) when it has none. */
	static int orientation(byte[] jpeg) {
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
			int marker = jpeg[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				i += 2;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) {
				break;
			}
			int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
			int start = i + 4;
			int end = i + 2 + length;
			if (length < 2 || end > jpeg.length) {
				break;
			}
			if (marker == 0xE1 && end - start >= 14 && jpeg[start] == 'E' && jpeg[start + 1] == 'x'
					&& jpeg[start + 2] == 'i' && jpeg[start + 3] == 'f' && jpeg[start + 4] == 0 && jpeg[start + 5] == 0) {
				return tiffOrientation(jpeg, start + 6, end);
			}
			i = end;
		}
		return 1;
	}

	private static int tiffOrientation(byte[] b, int tiff, int end) {
		boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
		long offset = u32(b, tiff + 4, little);
		if (offset < 8 || tiff + offset + 2 > end) {
			return 1;
		}
		int ifd = (int) (tiff + offset);
		int entries = u16(b, ifd, little);
		for (int k = 0; k < entries; k++) {
			int entry = ifd + 2 + 12 * k;
			if (entry + 12 > end) {
				break;
			}
			if (u16(b, entry, little) == 0x0112) {
				int value = u16(b, entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	private static int u16(byte[] b, int at, boolean little) {
		int a = b[at] & 0xFF;
		int c = b[at + 1] & 0xFF;
		return little ? a | (c << 8) : (a << 8) | c;
	}

	private static long u32(byte[] b, int at, boolean little) {
		long value = 0;
		for (int k = 0; k < 4; k++) {
			int shift = little ? 8 * k : 8 * (3 - k);
			value |= (long) (b[at + k] & 0xFF) << shift;
		}
		return value;
	}

	/** The pixels turned and mirrored as the EXIF orientation says the camera held them. */
	static BufferedImage orient(BufferedImage source, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return source;
		}
		int w = source.getWidth();
		int h = source.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> {
				t.translate(w, 0);
				t.scale(-1, 1);
			}
			case 3 -> {
				t.translate(w, h);
				t.rotate(Math.PI);
			}
			case 4 -> {
				t.translate(0, h);
				t.scale(1, -1);
			}
			case 5 -> {
				t.rotate(Math.PI / 2);
				t.scale(1, -1);
			}
			case 6 -> {
				t.translate(h, 0);
				t.rotate(Math.PI / 2);
			}
			case 7 -> {
				t.translate(h, w);
				t.rotate(Math.PI / 2);
				t.scale(-1, 1);
			}
			default -> {
				t.translate(0, w);
				t.rotate(3 * Math.PI / 2);
			}
		}
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = turned.createGraphics();
		g.drawImage(source, t, null);
		g.dispose();
		return turned;
	}
}
