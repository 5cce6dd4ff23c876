package org.hearth.monitoring;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.hearth.aid.Facilities;
import org.hearth.aid.FacilityKind;
import org.hearth.identity.Accounts;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's monitoring: ten heritage sites of the region named in the four languages, their assessments over the
 * years (damaged, restored, one corrected) with small generated photos, a visit done and one ahead, twenty-one
 * incidents of every kind from 2024 to 2026 in every verification status, and findings by the two demo observers.
 * Written once, through the module's own rules (and so into the transparency log); a database that already holds
 * the demo's first site is left alone. Coordinates are approximate; a site outside the gazetteer's settlements is
 * filed under the nearest one.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class MonitoringDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MonitoringDemo.class);

	static final String MISSION = "International Monitoring Mission";
	static final String MISSION_RU = "Международная миссия наблюдателей";

	record DemoSite(String key, String hy, String az, String ru, String en, SiteKind kind, String settlement,
			String lat, String lon, Protection protection) {
	}

	static final List<DemoSite> SITES = List.of(
			new DemoSite("ghazanchetsots", "Սուրբ Ամենափրկիչ Ղազանչեցոց մայր տաճար", "Qazançı kilsəsi",
					"Собор Казанчецоц", "Ghazanchetsots Cathedral", SiteKind.CHURCH, "susa", "39.75840", "46.75020",
					Protection.NATIONAL_REGISTER),
			new DemoSite("yukhari-govhar-agha", "Գովհար աղայի Վերին մզկիթ", "Yuxarı Gövhər Ağa məscidi",
					"Верхняя мечеть Гевхар-аги", "Yukhari Govhar Agha Mosque", SiteKind.MOSQUE, "susa", "39.75950",
					"46.75340", Protection.NATIONAL_REGISTER),
			new DemoSite("ashaghi-govhar-agha", "Գովհար աղայի Ստորին մզկիթ", "Aşağı Gövhər Ağa məscidi",
					"Нижняя мечеть Гевхар-аги", "Ashaghi Govhar Agha Mosque", SiteKind.MOSQUE, "susa", "39.75650",
					"46.75520", Protection.NATIONAL_REGISTER),
			new DemoSite("amaras", "Ամարասի վանք", "Amaras monastırı", "Монастырь Амарас", "Amaras Monastery",
					SiteKind.MONASTERY, "sos", "39.64660", "47.01060", Protection.NATIONAL_REGISTER),
			// Gandzasar stands above the village of Vank, which the gazetteer does not hold: filed under Həsənriz.
			new DemoSite("gandzasar", "Գանձասարի վանք", "Gəncəsər monastırı", "Монастырь Гандзасар",
					"Gandzasar Monastery", SiteKind.MONASTERY, "hesenriz", "40.03220", "46.54860",
					Protection.NATIONAL_REGISTER),
			new DemoSite("dadivank", "Դադիվանք", "Xudavəng monastırı", "Монастырь Дадиванк",
					"Dadivank (Khutavank) Monastery", SiteKind.MONASTERY, "veng", "40.16170", "46.28830",
					Protection.NATIONAL_REGISTER),
			new DemoSite("aghdam-juma", "Աղդամի Ջումա մզկիթ", "Ağdam Cümə məscidi", "Агдамская Джума-мечеть",
					"Aghdam Juma Mosque", SiteKind.MOSQUE, "agdam", "39.99270", "46.92750",
					Protection.NATIONAL_REGISTER),
			new DemoSite("imarat", "Իմարաթ գերեզմանատուն", "İmarət qəbiristanlığı", "Кладбище Имарат",
					"Imarat Cemetery", SiteKind.CEMETERY, "agdam", "39.99600", "46.91900", Protection.LOCAL_REGISTER),
			new DemoSite("bulbul-museum", "Բյուլբյուլի տուն-թանգարան", "Bülbülün ev-muzeyi", "Дом-музей Бюльбюля",
					"Bulbul House Museum", SiteKind.MUSEUM, "susa", "39.76000", "46.74700", Protection.UNKNOWN),
			new DemoSite("vagif-mausoleum", "Մոլլա Փանահ Վաղիֆի դամբարան", "Molla Pənah Vaqifin məqbərəsi",
					"Мавзолей Молла Панаха Вагифа", "Mausoleum of Molla Panah Vagif", SiteKind.MONUMENT, "susa",
					"39.74970", "46.74350", Protection.NATIONAL_REGISTER));

	/**
	 * An incident of the demo: when, what, where, from whom, and its verification after it, as status:note pairs.
	 * Some descriptions name invented people on purpose: they must never reach a public page.
	 */
	record DemoIncident(String key, String occurred, IncidentKind kind, String settlement, SourceKind source,
			String reference, String description, List<String> sites, @Nullable FacilityKind facility,
			List<String> verifications) {
	}

	static final List<DemoIncident> INCIDENTS = List.of(
			new DemoIncident("i01", "2024-02-14T22:40", IncidentKind.CEASEFIRE_VIOLATION, "agdam",
					SourceKind.OBSERVER_PATROL, "Patrol log 2024/031",
					"Patrol heard three bursts of automatic fire east of the road depot; no one hurt.", List.of(), null,
					List.of("VERIFIED:Heard by the patrol itself; spent cartridges found at the spot the next day.")),
			new DemoIncident("i02", "2024-03-03T09:15", IncidentKind.MINE_UXO, "fuzuli", SourceKind.AUTHORITY_STATEMENT,
					"Mine action agency statement 12/2024",
					"Anti-tank mine found by road workers beside the new school road; the area was marked.", List.of(),
					null, List.of("VERIFIED:The mine action team showed the marked area to the patrol.")),
			new DemoIncident("i03", "2024-04-22T15:00", IncidentKind.HERITAGE_DAMAGE, "susa", SourceKind.LOCAL_REPORT,
					"Call to the mission hotline",
					"Caller Anahit Sargsyan reported fresh damage to the cathedral roof and a removed cross.",
					List.of("ghazanchetsots"), null,
					List.of("DISPUTED:The roof damage predates 2024; the cross was taken down by the works team for repair, not removed.")),
			new DemoIncident("i04", "2024-05-30T20:10", IncidentKind.THREAT, "xocali", SourceKind.LOCAL_REPORT,
					"Letter to the secretariat",
					"Resident Elvin Quliyev said a neighbour threatened him over a boundary wall.", List.of(), null,
					List.of("UNFOUNDED:Both families, met separately, describe a dispute settled by the village council the same week; no threat.")),
			new DemoIncident("i05", "2024-07-11T11:30", IncidentKind.PROPERTY_DAMAGE, "xankendi", SourceKind.MEDIA,
					"Regional news site, 12 July 2024",
					"A warehouse window was broken and a generator taken overnight.", List.of(), null,
					List.of("VERIFIED:Seen by the patrol; the police record matches.")),
			new DemoIncident("i06", "2024-08-19T07:50", IncidentKind.MINE_UXO, "lacin", SourceKind.OBSERVER_PATROL,
					"Patrol log 2024/118", "Unexploded mortar round beside the river path; children play nearby.",
					List.of(), null, List.of("VERIFIED:Photographed by the patrol and handed to mine action.")),
			new DemoIncident("i07", "2024-10-05T23:05", IncidentKind.CEASEFIRE_VIOLATION, "terter",
					SourceKind.AUTHORITY_STATEMENT, "Statement of the district administration",
					"Shots reported from the hills north of the town.", List.of(), null,
					List.of("DISPUTED:The patrol on duty that night heard nothing; hunters were seen in the hills.")),
			new DemoIncident("i08", "2024-11-27T13:20", IncidentKind.OTHER, "kelbecer", SourceKind.LOCAL_REPORT,
					"Village meeting", "A road closure keeps returning families from the upper pastures.", List.of(),
					null, List.of()),
			new DemoIncident("i09", "2025-01-16T10:45", IncidentKind.HERITAGE_DAMAGE, "agdam",
					SourceKind.OBSERVER_PATROL, "Patrol log 2025/007",
					"Scaffolding fell against the mosque façade in a storm; tiles cracked.", List.of("aghdam-juma"), null,
					List.of("VERIFIED:Seen by the patrol; the restorers confirm the date.")),
			new DemoIncident("i10", "2025-02-08T18:00", IncidentKind.THREAT, "hadrut", SourceKind.MEDIA,
					"Social media post, since removed", "A post threatened returning families in the town.", List.of(),
					null, List.of("DISPUTED:The account could not be traced and the post was gone within an hour.",
							"VERIFIED:The platform confirmed the post and its origin in the region; the families were informed.")),
			new DemoIncident("i11", "2025-03-21T08:30", IncidentKind.MINE_UXO, "zengilan",
					SourceKind.AUTHORITY_STATEMENT, "Mine action agency statement 31/2025",
					"Cluster submunitions found in an orchard being cleared for planting.", List.of(), null,
					List.of("VERIFIED:The site was visited with the clearance team.")),
			new DemoIncident("i12", "2025-05-02T14:10", IncidentKind.PROPERTY_DAMAGE, "susa", SourceKind.LOCAL_REPORT,
					"School director, by telephone", "Windows of the school broken by stones thrown at night.",
					List.of(), FacilityKind.SCHOOL, List.of("VERIFIED:The patrol saw the windows and the stones.")),
			new DemoIncident("i13", "2025-06-14T21:35", IncidentKind.CEASEFIRE_VIOLATION, "agdam",
					SourceKind.OBSERVER_PATROL, "Patrol log 2025/089", "Flares seen over the line of contact.",
					List.of(), null, List.of()),
			new DemoIncident("i14", "2025-08-09T12:00", IncidentKind.OTHER, "qubadli", SourceKind.MEDIA,
					"Newspaper, 10 August 2025", "A reported fire in the old bazaar quarter.", List.of(), null,
					List.of("UNFOUNDED:No trace of a fire; the photograph was of another town.")),
			new DemoIncident("i15", "2025-09-30T16:25", IncidentKind.HERITAGE_DAMAGE, "veng", SourceKind.LOCAL_REPORT,
					"Pilgrims, through the secretariat", "Pilgrims reported graffiti on the monastery wall.",
					List.of("dadivank"), null,
					List.of("DISPUTED:The photographs sent show marks that were already there in 2024; a visit is planned.")),
			new DemoIncident("i16", "2025-11-12T09:05", IncidentKind.MINE_UXO, "cebrayil", SourceKind.OBSERVER_PATROL,
					"Patrol log 2025/161", "Anti-personnel mine uncovered by rain on a farm track.", List.of(), null,
					List.of("VERIFIED:Seen by the patrol and reported to mine action.")),
			new DemoIncident("i17", "2026-01-25T19:40", IncidentKind.THREAT, "xocavend", SourceKind.LOCAL_REPORT,
					"Complaint at the mission office", "A returning family reports being told to leave.", List.of(),
					null, List.of()),
			new DemoIncident("i18", "2026-03-09T06:55", IncidentKind.PROPERTY_DAMAGE, "xankendi",
					SourceKind.AUTHORITY_STATEMENT, "Ministry statement",
					"A fuel tank at the hospital was punctured; diesel leaked.", List.of(), FacilityKind.HOSPITAL,
					List.of("VERIFIED:The hospital showed the repaired tank and the loss on its fuel record.")),
			new DemoIncident("i19", "2026-05-17T22:15", IncidentKind.CEASEFIRE_VIOLATION, "terter",
					SourceKind.OBSERVER_PATROL, "Patrol log 2026/072", "Single shots heard at the edge of the town.",
					List.of(), null,
					List.of("DISPUTED:A wedding was held nearby; the shots may have been celebratory.")),
			new DemoIncident("i20", "2026-08-03T10:20", IncidentKind.MINE_UXO, "agdere", SourceKind.LOCAL_REPORT,
					"Farmer, at the village office", "Shell found while ploughing.", List.of(), null, List.of()),
			new DemoIncident("i21", "2026-10-21T15:50", IncidentKind.HERITAGE_DAMAGE, "sos", SourceKind.OBSERVER_PATROL,
					"Patrol log 2026/140", "Stones have fallen from the monastery wall after heavy rain.",
					List.of("amaras"), null, List.of()));

	/** An assessment: site, date, condition, the observer (1 or 2), role, notes, and what it corrects if any. */
	record DemoAssessment(String key, String site, String on, Condition condition, int observer, String role,
			String notes, @Nullable String corrects) {
	}

	static final List<DemoAssessment> ASSESSMENTS = List.of(
			new DemoAssessment("a01", "ghazanchetsots", "2024-06-12", Condition.DAMAGED, 1, "heritage expert",
					"Dome and roof damaged in 2020; interior blackened; the building is closed.", null),
			new DemoAssessment("a02", "ghazanchetsots", "2025-10-07", Condition.DAMAGED, 2, "эксперт по наследию",
					"Works under way on the roof; the dome is under scaffolding.", null),
			new DemoAssessment("a03", "yukhari-govhar-agha", "2024-04-18", Condition.DAMAGED, 1, "heritage expert",
					"Minaret masonry loose; courtyard wall collapsed in part.", null),
			new DemoAssessment("a04", "yukhari-govhar-agha", "2025-09-23", Condition.RESTORED, 1, "heritage expert",
					"Restoration finished: minarets repointed, courtyard wall rebuilt in the old stone.", null),
			new DemoAssessment("a05", "ashaghi-govhar-agha", "2025-04-10", Condition.INTACT, 2, "эксперт по наследию",
					"No damage seen; in use.", null),
			new DemoAssessment("a06", "amaras", "2024-09-05", Condition.INTACT, 1, "patrol team",
					"Walls and church intact; the spring is dry.", null),
			new DemoAssessment("a07", "gandzasar", "2025-06-20", Condition.INTACT, 2, "эксперт по наследию",
					"Intact; a guard is present; visitors are admitted.", null),
			new DemoAssessment("a08", "dadivank", "2024-08-14", Condition.INTACT, 1, "heritage expert",
					"Intact; frescoes in the main church as in the 2019 survey.", null),
			new DemoAssessment("a09", "dadivank", "2025-10-15", Condition.INTACT, 1, "heritage expert",
					"Visit after the report of graffiti: old marks only, no new damage found.", null),
			new DemoAssessment("a10", "aghdam-juma", "2024-03-12", Condition.DAMAGED, 1, "heritage expert",
					"Walls scarred, interior stripped; minarets standing.", null),
			new DemoAssessment("a11", "aghdam-juma", "2026-04-20", Condition.RESTORED, 2, "эксперт по наследию",
					"Restored; tiles replaced after the 2025 storm damage.", null),
			new DemoAssessment("a12", "imarat", "2025-05-06", Condition.DAMAGED, 1, "patrol team",
					"Several gravestones broken; the mausoleum stands.", null),
			new DemoAssessment("a13", "bulbul-museum", "2024-11-08", Condition.INTACT, 2, "эксперт по наследию",
					"House intact.", null),
			new DemoAssessment("a14", "bulbul-museum", "2024-11-08", Condition.RESTORED, 2, "эксперт по наследию",
					"Correction: the house was restored before 2024; the first entry missed the restoration.", "a13"));

	private final HeritageSites sites;
	private final Incidents incidents;
	private final Findings findings;
	private final Facilities facilities;
	private final Accounts accounts;
	private final JdbcClient jdbc;
	private final DisplayZone zone;
	private final Clock clock;

	MonitoringDemo(HeritageSites sites, Incidents incidents, Findings findings, Facilities facilities,
			Accounts accounts, JdbcClient jdbc, DisplayZone zone, Clock clock) {
		this.sites = sites;
		this.incidents = incidents;
		this.findings = findings;
		this.facilities = facilities;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.zone = zone;
		this.clock = clock;
	}

	static UUID id(String key) {
		return UUID.nameUUIDFromBytes(("hearth-demo-monitoring/" + key).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring.site WHERE id = ?)").param(id("site/ghazanchetsots"))
				.query(Boolean.class).single()) {
			return;
		}
		ZoneId z = zone.zone();
		Actor observer = actor("observer@hearth.demo", "observer", Role.OBSERVER);
		Actor observer2 = actor("observer2@hearth.demo", "observer2", Role.OBSERVER);
		Actor secretariat = actor("dialogue@hearth.demo", "dialogue", Role.DIALOGUE_SECRETARIAT);
		Instant registered = LocalDate.of(2024, 1, 15).atTime(10, 0).atZone(z).toInstant();
		for (DemoSite s : SITES) {
			Map<String, String> names = new LinkedHashMap<>();
			names.put("hy", s.hy());
			names.put("az", s.az());
			names.put("ru", s.ru());
			names.put("en", s.en());
			sites.add(secretariat, new HeritageSites.SiteDetails(new LocalizedText(names), s.kind(), s.settlement(),
					new Coordinates(new BigDecimal(s.lat()), new BigDecimal(s.lon())), s.protection()),
					id("site/" + s.key()), registered);
		}
		// Nothing dated after today: a demo started with an earlier clock leaves the later rows out.
		LocalDate today = LocalDate.now(clock.withZone(z));
		for (DemoAssessment a : ASSESSMENTS) {
			LocalDate on = LocalDate.parse(a.on());
			if (on.isAfter(today)) {
				continue;
			}
			List<HeritageSites.Photo> photos = a.condition() == Condition.INTACT ? List.of()
					: List.of(photo(a.condition(), 0), photo(a.condition(), 1));
			sites.assess(a.observer() == 1 ? observer : observer2, id("site/" + a.site()),
					new HeritageSites.NewAssessment(a.condition(), on, a.observer() == 1 ? MISSION : MISSION_RU,
							a.role(), a.notes(), a.corrects() == null ? null : id("assessment/" + a.corrects())),
					photos, id("assessment/" + a.key()), on.atTime(17, 0).atZone(z).toInstant());
		}
		// The visit to Dadivank after the report of graffiti, done with its assessment; one to Amaras ahead.
		LocalDate planned = LocalDate.of(2025, 10, 15);
		sites.schedule(secretariat, id("site/dadivank"), planned, "Check the report of graffiti on the monastery wall.",
				id("visit/dadivank"), planned.minusDays(12).atTime(9, 0).atZone(z).toInstant());
		sites.complete(observer, id("visit/dadivank"), planned,
				"Access granted; the walls were inspected with the caretaker. Old marks only.", id("assessment/a09"),
				planned.atTime(18, 0).atZone(z).toInstant());
		sites.schedule(observer, id("site/amaras"), today.plusDays(21),
				"Assess the wall after the report of fallen stones.", id("visit/amaras"), clock.instant());

		int recorded = 0;
		for (DemoIncident i : INCIDENTS) {
			Instant occurred = LocalDateTime.parse(i.occurred()).atZone(z).toInstant();
			Instant reported = occurred.plus(3, ChronoUnit.HOURS);
			if (reported.plus(1, ChronoUnit.HOURS).isAfter(clock.instant())) {
				continue;
			}
			List<UUID> facilityLinks = new ArrayList<>();
			if (i.facility() != null) {
				facilities.facilities(i.settlement(), i.facility()).stream().findFirst()
						.ifPresent(f -> facilityLinks.add(f.id()));
			}
			Actor recorder = i.source() == SourceKind.OBSERVER_PATROL ? observer : secretariat;
			incidents.record(recorder, new Incidents.NewIncident(i.kind(), occurred, reported, i.settlement(), null,
					i.description(), i.source(), i.reference(), i.sites().stream().map(s -> id("site/" + s)).toList(),
					facilityLinks), id("incident/" + i.key()), reported.plus(1, ChronoUnit.HOURS));
			long version = 0;
			Instant at = reported.plus(3, ChronoUnit.DAYS);
			for (String v : i.verifications()) {
				String[] parts = v.split(":", 2);
				incidents.verify(version % 2 == 0 ? observer : observer2, id("incident/" + i.key()), version,
						Verification.valueOf(parts[0]), parts[1], at);
				version++;
				at = at.plus(20, ChronoUnit.DAYS);
			}
			recorded++;
		}

		record DemoFinding(String key, SubjectKind kind, UUID subject, String on, Actor by, String role,
				Map<String, String> texts) {
		}
		List<DemoFinding> demoFindings = List.of(
				new DemoFinding("f1", SubjectKind.INCIDENT, id("incident/i03"), "2024-05-20", observer, "team leader",
						Map.of("en", "The report of a removed cross is not borne out: the cross is in the works team's store, listed for return to the roof.",
								"ru", "Сообщение о снятом кресте не подтверждается: крест хранится у бригады реставраторов и значится к возвращению на кровлю.")),
				new DemoFinding("f2", SubjectKind.SITE, id("site/yukhari-govhar-agha"), "2025-09-25", observer,
						"heritage expert",
						Map.of("en", "The restoration kept the original stone and the tilework pattern; we consider it faithful.",
								"az", "Bərpa zamanı ilkin daş və kaşı naxışı saxlanılıb; bərpanı aslına uyğun hesab edirik.")),
				new DemoFinding("f3", SubjectKind.SITE, id("site/amaras"), "2026-10-23", observer2,
						"руководитель группы",
						Map.of("ru", "Обрушение части стены после ливней требует срочной консервации; визит запланирован.")));
		for (DemoFinding f : demoFindings) {
			LocalDate on = LocalDate.parse(f.on());
			if (on.isAfter(today)) {
				continue;
			}
			findings.record(f.by(), new Findings.NewFinding(f.kind(), f.subject(), new LocalizedText(f.texts()), on,
					f.by() == observer2 ? MISSION_RU : MISSION, f.role()), id("finding/" + f.key()),
					on.atTime(16, 0).atZone(z).toInstant());
		}
		log.info("Demo monitoring: {} heritage sites, {} assessments, {} incidents, {} findings", SITES.size(),
				ASSESSMENTS.size(), recorded, demoFindings.size());
	}

	private Actor actor(String email, String fallback, Role role) {
		UUID account = accounts.byEmail(email).map(a -> a.id()).orElse(id("account/" + fallback));
		return new Actor(account, Set.of(role), null);
	}

	/** A small photo of one colour per condition: enough to see photos on the pages without shipping any. */
	static HeritageSites.Photo photo(Condition condition, int variant) {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		Color colour = switch (condition) {
			case INTACT -> new Color(0x4C8C4A);
			case DAMAGED -> new Color(0xC0602A);
			case DESTROYED -> new Color(0x6B2A2A);
			case RESTORED -> new Color(0x2A6BA8);
		};
		g.setColor(variant == 0 ? colour : colour.darker());
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			byte[] bytes = out.toByteArray();
			return new HeritageSites.Photo(new ByteArrayInputStream(bytes), bytes.length, "demo.png");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
