package org.hearth.monitoring;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Observers, sites, incidents and photos for tests, through the module's own services. All test classes share one
 * database with the demo: what a test counts, it counts before and after its own changes.
 */
@Component
public class MonitoringFixtures {

	private final TestUsers users;
	private final HeritageSites sites;
	private final Incidents incidents;

	MonitoringFixtures(TestUsers users, HeritageSites sites, Incidents incidents) {
		this.users = users;
		this.sites = sites;
		this.incidents = incidents;
	}

	public CurrentUser observer() {
		return users.demo("observer@hearth.demo");
	}

	public CurrentUser observer2() {
		return users.demo("observer2@hearth.demo");
	}

	public CurrentUser secretariat() {
		return users.demo("dialogue@hearth.demo");
	}

	/** A new site in Şuşa, named in the four languages with a mark of its own. */
	public HeritageSites.Site site() {
		String mark = UUID.randomUUID().toString().substring(0, 8);
		return sites.add(secretariat(), new HeritageSites.SiteDetails(LocalizedText.of("Եկեղեցի " + mark,
				"Kilsə " + mark, "Церковь " + mark, "Church " + mark), SiteKind.CHURCH, "susa",
				new Coordinates(new BigDecimal("39.758"), new BigDecimal("46.749")), Protection.UNKNOWN));
	}

	/** A new incident reported a day after it happened, a week ago; unverified. */
	public Incidents.Incident incident(String description) {
		Instant occurred = Instant.now().minus(8, ChronoUnit.DAYS);
		return incidents.record(secretariat(), new Incidents.NewIncident(IncidentKind.THREAT, occurred,
				occurred.plus(1, ChronoUnit.DAYS), "xocali", null, description, SourceKind.LOCAL_REPORT,
				"test source", List.of(), List.of()));
	}

	/** A PNG of the given size. */
	public static byte[] png(int width, int height) {
		return image(width, height, "png");
	}

	public static byte[] jpeg(int width, int height) {
		return image(width, height, "jpg");
	}

	private static byte[] image(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x336699));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width / 2, height / 2);
		g.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A JPEG as a phone writes one: after its JFIF header an EXIF segment with the orientation and a GPS position
	 * (39° 45' 30.00'' N), in big-endian TIFF.
	 */
	public static byte[] jpegWithGps(int width, int height, int orientation) {
		byte[] jpeg = jpeg(width, height);
		ByteBuffer tiff = ByteBuffer.allocate(92).order(ByteOrder.BIG_ENDIAN);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		// IFD0 at 8: the orientation and the pointer to the GPS IFD (at 38).
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		tiff.putInt(0);
		// The GPS IFD at 38: latitude reference N and the latitude as three rationals (at 68).
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
		tiff.putInt(0);
		tiff.putInt(39).putInt(1).putInt(45).putInt(1).putInt(3000).putInt(100);
		byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
		int length = 2 + exif.length + tiff.capacity();
		// After the JFIF segment (SOI, then APP0 whose length follows its marker).
		int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, app0End);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(exif);
		out.writeBytes(tiff.array());
		out.write(jpeg, app0End, jpeg.length - app0End);
		return out.toByteArray();
	}

	public static HeritageSites.Photo photo(byte[] bytes, String name) {
		return new HeritageSites.Photo(new ByteArrayInputStream(bytes), bytes.length, name);
	}

	/** Whether the bytes hold the sequence. */
	public static boolean contains(byte[] bytes, byte[] sequence) {
		outer:
		for (int i = 0; i + sequence.length <= bytes.length; i++) {
			for (int j = 0; j < sequence.length; j++) {
				if (bytes[i + j] != sequence[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
