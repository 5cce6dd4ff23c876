package org.hearth.dialogue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hearth.identity.Accounts;
import org.hearth.identity.Role;
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
 * The demo's dialogue, after the talks of autumn 2023 (the seed article): the government, the residents'
 * representatives, the ICRC and a UN mission; meetings in Yevlakh, in Xocalı and online; a working group on
 * humanitarian affairs; seven commitments (food, fuel and communications, a jointly staffed field hospital,
 * cultural and religious rights, amnesty, security arrangements) in every stage, with claims verified, one
 * disputed, and statements of both sides. Written through the services as the demo accounts, with the dates of
 * the talks, so that the history and the transparency log read as they would have; a database that already holds
 * the demo's parties is left alone.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class DialogueDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DialogueDemo.class);

	private static final ZoneId BAKU = ZoneId.of("Asia/Baku");

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Parties parties;
	private final WorkingGroups groups;
	private final Meetings meetings;
	private final Commitments commitments;
	private final Claims claims;

	DialogueDemo(JdbcClient jdbc, Accounts accounts, Parties parties, WorkingGroups groups, Meetings meetings,
			Commitments commitments, Claims claims) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.parties = parties;
		this.groups = groups;
		this.meetings = meetings;
		this.commitments = commitments;
		this.claims = claims;
	}

	static UUID id(String key) {
		return UUID.nameUUIDFromBytes(("hearth-demo-dialogue/" + key).getBytes(StandardCharsets.UTF_8));
	}

	/** Nine in the morning in Baku on {@code day}, plus {@code minutes}: when the demo says a change was made. */
	static Instant at(String day, int minutes) {
		return LocalDate.parse(day).atTime(LocalTime.of(9, 0)).atZone(BAKU).toInstant().plusSeconds(60L * minutes);
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (parties.find(id("government")).isPresent()) {
			return;
		}
		Optional<Actor> secretariat = actor("dialogue@hearth.demo", Role.DIALOGUE_SECRETARIAT);
		Optional<Actor> observer = actor("observer@hearth.demo", Role.OBSERVER);
		Optional<Actor> observer2 = actor("observer2@hearth.demo", Role.OBSERVER);
		if (secretariat.isEmpty() || observer.isEmpty() || observer2.isEmpty()) {
			return;
		}
		Actor s = secretariat.get();
		Actor un = observer.get();
		Actor un2 = observer2.get();

		UUID government = parties.create(s, id("government"), LocalizedText.of("Ադրբեջանի Հանրապետության կառավարություն",
				"Azərbaycan Respublikasının Hökuməti", "Правительство Азербайджанской Республики",
				"Government of the Republic of Azerbaijan"), at("2023-09-20", 0)).id();
		UUID residents = parties.create(s, id("residents"), LocalizedText.of("Ղարաբաղի հայ բնակիչների ներկայացուցիչներ",
				"Qarabağın erməni sakinlərinin nümayəndələri", "Представители армянских жителей Карабаха",
				"Representatives of the Karabakh Armenian residents"), at("2023-09-20", 1)).id();
		UUID icrc = parties.create(s, id("icrc"), LocalizedText.of("Կարմիր խաչի միջազգային կոմիտե",
				"Beynəlxalq Qızıl Xaç Komitəsi", "Международный комитет Красного Креста",
				"International Committee of the Red Cross"), at("2023-09-20", 2)).id();
		parties.create(s, id("un-mission"), LocalizedText.of("ՄԱԿ-ի առաքելություն (դիտորդ)",
				"BMT missiyası (müşahidəçi)", "Миссия ООН (наблюдатель)", "United Nations mission (observer)"),
				at("2023-09-20", 3));

		UUID humanitarian = groups.create(s, id("group-humanitarian"),
				LocalizedText.of("Հումանիտար հարցերի աշխատանքային խումբ", "Humanitar məsələlər üzrə işçi qrupu",
						"Рабочая группа по гуманитарным вопросам", "Working group on humanitarian affairs"),
				LocalizedText.of("Սննդի, վառելիքի և կապի առաքումների, ինչպես նաև համատեղ անձնակազմով դաշտային հիվանդանոցի պայմանավորվածությունների կատարման հետևում։",
						"Ərzaq, yanacaq və rabitə çatdırılmalarının, həmçinin birgə heyətli səhra xəstəxanası barədə razılaşmaların icrasına nəzarət.",
						"Контроль выполнения договорённостей о поставках продовольствия, топлива и связи, а также о полевом госпитале с совместным персоналом.",
						"Follows up the arrangements on deliveries of food, fuel and communications and on the jointly staffed field hospital."),
				at("2023-10-02", 0)).id();
		groups.addMember(s, humanitarian, "Elvin Məmmədli", "Azərbaycan Respublikasının Hökuməti", at("2023-10-02", 5));
		groups.addMember(s, humanitarian, "Նարինե Հակոբյան", "Ղարաբաղի հայ բնակիչների ներկայացուցիչներ",
				at("2023-10-02", 6));
		groups.addMember(s, humanitarian, "Sophie Laurent", "ICRC", at("2023-10-02", 7));

		UUID yevlakh = meetings.create(s, id("meeting-yevlakh"), new Meetings.Details(null, LocalDate.parse("2023-09-21"),
				null, null, "Yevlax (Yevlakh)", MeetingFormat.IN_PERSON,
				"Reintegration of the Karabakh Armenian residents; humanitarian needs: food, fuel, medicines, communications; security; cultural and religious rights.",
				LocalizedText.of(
						"Պատվիրակությունները համաձայնեցին սննդի, վառելիքի և կապի ծառայությունների հումանիտար առաքումների շուրջ և քննարկեցին համատեղ անձնակազմով դաշտային հիվանդանոցը։ Ադրբեջանական կողմը խոստացավ հարգել բնակիչների մշակութային և կրոնական իրավունքները։",
						"Nümayəndə heyətləri ərzaq, yanacaq və rabitə xidmətlərinin humanitar çatdırılması barədə razılığa gəldi və birgə heyətli səhra xəstəxanasını müzakirə etdi. Azərbaycan tərəfi sakinlərin mədəni və dini hüquqlarına hörmət edəcəyini vəd etdi.",
						"Делегации договорились о гуманитарных поставках продовольствия, топлива и услуг связи и обсудили полевой госпиталь с совместным персоналом. Азербайджанская сторона обещала уважать культурные и религиозные права жителей.",
						"The delegations agreed on humanitarian deliveries of food, fuel and communications services and discussed a field hospital staffed jointly. The Azerbaijani side promised to respect the cultural and religious rights of the residents.")),
				at("2023-09-21", 240)).id();
		meetings.addParticipant(s, yevlakh, "Rauf Quliyev", "Azərbaycan Respublikasının Hökuməti",
				"Head of delegation", at("2023-09-21", 241));
		meetings.addParticipant(s, yevlakh, "Դավիթ Ավանեսյան", "Ղարաբաղի հայ բնակիչների ներկայացուցիչներ",
				"Head of delegation", at("2023-09-21", 242));
		meetings.addParticipant(s, yevlakh, "Marta Keller", "ICRC", "Facilitator", at("2023-09-21", 243));

		UUID xocali = meetings.create(s, id("meeting-xocali"), new Meetings.Details(humanitarian,
				LocalDate.parse("2024-05-14"), LocalDate.parse("2024-05-15"), "xocali", null, MeetingFormat.IN_PERSON,
				"Deliveries since October 2023; staffing and supplies of the field hospital.",
				LocalizedText.of(
						"Աշխատանքային խումբը քննարկեց առաքումները և համաձայնեց դաշտային հիվանդանոցի անձնակազմի կազմի շուրջ՝ երկու համայնքների բժիշկներով և բուժքույրերով։",
						"İşçi qrupu çatdırılmaları nəzərdən keçirdi və səhra xəstəxanasının heyəti barədə razılığa gəldi: hər iki icmadan həkimlər və tibb bacıları.",
						"Рабочая группа рассмотрела поставки и договорилась о составе персонала полевого госпиталя: врачи и медсёстры из обеих общин.",
						"The working group reviewed the deliveries and agreed on the staffing of the field hospital: doctors and nurses from both communities.")),
				at("2024-05-15", 240)).id();
		meetings.addParticipant(s, xocali, "Elvin Məmmədli", "Azərbaycan Respublikasının Hökuməti", "Member",
				at("2024-05-15", 241));
		meetings.addParticipant(s, xocali, "Նարինե Հակոբյան", "Ղարաբաղի հայ բնակիչների ներկայացուցիչներ", "Member",
				at("2024-05-15", 242));

		UUID online = meetings.create(s, id("meeting-online"), new Meetings.Details(null, LocalDate.parse("2026-02-10"),
				null, null, null, MeetingFormat.ONLINE,
				"Review of the commitments on cultural and religious rights, amnesty and security arrangements.",
				LocalizedText.of(
						"Կողմերը վերանայեցին մշակութային և կրոնական իրավունքների, համաներման և անվտանգության պայմանավորվածությունների վերաբերյալ պարտավորությունները։ Համաներման նոր առաջարկը կքննարկվի հաջորդ հանդիպմանը։",
						"Tərəflər mədəni və dini hüquqlar, amnistiya və təhlükəsizlik tədbirləri üzrə öhdəlikləri nəzərdən keçirdi. Amnistiya barədə yeni təklif növbəti görüşdə müzakirə ediləcək.",
						"Стороны рассмотрели обязательства о культурных и религиозных правах, амнистии и мерах безопасности. Новое предложение об амнистии будет обсуждено на следующей встрече.",
						"The parties reviewed the commitments on cultural and religious rights, amnesty and security arrangements. A new proposal on amnesty will be discussed at the next meeting.")),
				at("2026-02-10", 240)).id();

		// Food: agreed, delivered, verified by both observers.
		UUID food = commitment(s, "food", yevlakh, government, icrc, "2023-10-31", "2023-09-21",
				"Սննդամթերքի հումանիտար առաքումներ բնակիչներին՝ ԿԽՄԿ-ի միջոցով։",
				"Sakinlərə BQXK vasitəsilə ərzaqın humanitar çatdırılması.",
				"Гуманитарные поставки продовольствия жителям через МККК.",
				"Humanitarian deliveries of food to the residents, through the ICRC.");
		UUID foodAgreed = status(s, food, CommitmentStatus.AGREED, "Agreed at the meeting in Yevlakh on 21 September 2023; minutes signed by both delegations.", "2023-09-21");
		find(un, foodAgreed, Verdict.VERIFIED, "Our mission attended the meeting.", "2023-09-25");
		UUID foodStarted = status(s, food, CommitmentStatus.IN_PROGRESS, "The first convoy of the ICRC with food parcels reached Xankəndi on 28 September.", "2023-09-29");
		find(un, foodStarted, Verdict.VERIFIED, null, "2023-10-01");
		score(s, food, 2, "About half of the food parcels planned for October have been handed out.", "2023-10-15");
		UUID foodDone = status(s, food, CommitmentStatus.FULFILLED, "All parcels planned for October delivered; see the deliveries of the aid module.", "2023-11-02");
		find(un, foodDone, Verdict.VERIFIED, "Checked against the deliveries CSV and at two distribution points.", "2023-11-06");
		UUID foodComplete = score(s, food, 3, "Delivered in full.", "2023-11-02");
		find(un, foodComplete, Verdict.VERIFIED, null, "2023-11-06");
		find(un2, foodComplete, Verdict.VERIFIED, null, "2023-11-07");
		statement(s, foodDone, residents, "The residents confirm that food parcels reached Xankəndi and Xocalı.", "2023-11-03");
		// The aid demo's shipment to School No. 1 (aid's id for it): a reference, not a dependency on aid.
		commitments.addEvidence(s, food, new Commitments.NewEvidence(EvidenceKind.AID_DELIVERY,
				UUID.nameUUIDFromBytes("hearth-demo-aid-shipments/school-1".getBytes(StandardCharsets.UTF_8)) + "/food-parcel",
				"The school's food parcels.", SharedWith.PUBLIC, null), at("2023-11-02", 400));

		// Fuel: partly fulfilled, and the claim is disputed; both sides have spoken.
		UUID fuel = commitment(s, "fuel", yevlakh, government, icrc, "2023-11-15", "2023-09-21",
				"Վառելիքի մատակարարում դպրոցներին և հիվանդանոցներին։",
				"Məktəb və xəstəxanalara yanacaq təchizatı.",
				"Поставки топлива школам и больницам.",
				"Supplies of fuel to schools and hospitals.");
		find(un, status(s, fuel, CommitmentStatus.AGREED, "Agreed in Yevlakh at the request of the residents' representatives.", "2023-09-21"), Verdict.VERIFIED, null, "2023-09-25");
		find(un, status(s, fuel, CommitmentStatus.IN_PROGRESS, "Diesel delivered to the Republican Medical Centre and School No. 1.", "2023-10-05"), Verdict.VERIFIED, null, "2023-10-09");
		UUID fuelPartly = status(s, fuel, CommitmentStatus.PARTLY_FULFILLED, "Fuel reached every hospital; some schools were supplied late.", "2023-11-20");
		score(s, fuel, 2, "Hospitals supplied in full, schools in part.", "2023-11-20");
		UUID fuelScore = latestClaim(fuel);
		find(un2, fuelScore, Verdict.DISPUTED, "Two schools in Xocalı reported no delivery of fuel in November; the deliveries CSV shows none to them either.", "2023-11-24");
		find(un, fuelPartly, Verdict.VERIFIED, null, "2023-11-22");
		statement(s, fuelScore, government, "Fuel was delivered to every facility on the list agreed on 21 September.", "2023-11-27");
		statement(s, fuelScore, residents, "The schools of Xocalı were left off that list; they have no fuel for the winter.", "2023-11-28");
		commitments.addEvidence(s, fuel, new Commitments.NewEvidence(EvidenceKind.URL,
				"https://www.icrc.org/en/where-we-work/europe-central-asia/azerbaijan", "Reports of the ICRC delegation.",
				SharedWith.PUBLIC, null), at("2023-11-20", 400));

		// Communications: in progress, its latest claim not yet verified, overdue.
		UUID communications = commitment(s, "communications", yevlakh, government, null, "2023-12-31", "2023-09-21",
				"Կապի ծառայությունների (բջջային կապ և ինտերնետ) վերականգնում տարածաշրջանում։",
				"Regionda rabitə xidmətlərinin (mobil rabitə və internet) bərpası.",
				"Восстановление услуг связи (мобильная связь и интернет) в регионе.",
				"Restoring communications services (mobile telephony and internet) in the region.");
		find(un, status(s, communications, CommitmentStatus.AGREED, "Agreed in Yevlakh.", "2023-09-21"), Verdict.VERIFIED, null, "2023-09-25");
		find(un, status(s, communications, CommitmentStatus.IN_PROGRESS, "SIM cards and two satellite terminals handed to the field hospital.", "2023-10-20"), Verdict.VERIFIED, null, "2023-10-23");
		score(s, communications, 1, "Mobile service restored in Xankəndi only.", "2023-12-15");

		// The field hospital: agreed by the working group, staffed, scored and verified.
		UUID hospital = commitment(s, "field-hospital", xocali, government, residents, "2024-09-01", "2024-05-15",
				"Դաշտային հիվանդանոց՝ հայ և ադրբեջանցի բժշկական աշխատողների համատեղ անձնակազմով։",
				"Erməni və azərbaycanlı tibb işçilərindən ibarət birgə heyətli səhra xəstəxanası.",
				"Полевой госпиталь с совместным персоналом из армянских и азербайджанских медиков.",
				"A field hospital jointly staffed by Armenian and Azerbaijani medical workers.");
		find(un, status(s, hospital, CommitmentStatus.AGREED, "Agreed by the working group on humanitarian affairs in Xocalı.", "2024-05-15"), Verdict.VERIFIED, null, "2024-05-20");
		find(un2, status(s, hospital, CommitmentStatus.IN_PROGRESS, "The hospital opened with 40 beds; the roster has staff of both communities on every shift.", "2024-07-01"), Verdict.VERIFIED, null, "2024-07-05");
		UUID hospitalScore = score(s, hospital, 2, "Running, but the night shifts are short of a second nurse speaking Armenian.", "2024-09-10");
		find(un, hospitalScore, Verdict.VERIFIED, "Visited on 12 September; the roster shows the gaps.", "2024-09-13");
		statement(s, hospitalScore, icrc, "The ICRC supplies the trauma kits and trains the staff on both shifts.", "2024-09-14");

		// Cultural and religious rights: agreed, nothing implemented yet to score.
		UUID rights = commitment(s, "cultural-rights", yevlakh, government, null, null, "2023-09-21",
				"Բնակիչների՝ իրենց մշակութային և կրոնական ավանդույթներն իրականացնելու իրավունքի հարգում։",
				"Sakinlərin öz mədəni və dini ənənələrini yaşatmaq hüququna hörmət.",
				"Уважение права жителей следовать своим культурным и религиозным традициям.",
				"Respect for the residents' right to exercise their own cultural and religious traditions.");
		UUID rightsAgreed = status(s, rights, CommitmentStatus.AGREED, "Promised by the Azerbaijani delegation in Yevlakh and in public statements.", "2023-09-21");
		find(un, rightsAgreed, Verdict.VERIFIED, null, "2023-09-25");
		statement(s, rightsAgreed, residents, "The representatives ask that access to the churches of Şuşa and Xankəndi be written into the commitment.", "2023-10-02");
		statement(s, rightsAgreed, government, "Places of worship are open; access is arranged with the local authorities.", "2023-10-04");

		// Amnesty: proposed at the online meeting, nothing claimed since.
		commitment(s, "amnesty", online, government, null, "2026-06-30", "2026-02-10",
				"Համաներում Ղարաբաղի հայ բնակիչների համար, բացառությամբ ծանր հանցագործությունների մեղադրվողների։",
				"Qarabağın erməni sakinləri üçün amnistiya, ağır cinayətlərdə ittiham olunanlar istisna olmaqla.",
				"Амнистия для армянских жителей Карабаха, кроме обвиняемых в тяжких преступлениях.",
				"An amnesty for the Karabakh Armenian residents, except for those charged with grave crimes.");

		// Security: withdrawn when the arrangements were reworked.
		UUID security = commitment(s, "security", yevlakh, government, residents, "2024-03-31", "2023-09-21",
				"Անվտանգության պայմանավորվածություններ՝ ներքին մարմիններին անցման ընթացքում դիտորդների մուտքով։",
				"Daxili orqanlara keçid dövründə müşahidəçilərin girişi ilə təhlükəsizlik tədbirləri.",
				"Меры безопасности с доступом наблюдателей на время передачи внутренним органам.",
				"Security arrangements, with access for observers while security passes to the internal bodies.");
		find(un, status(s, security, CommitmentStatus.AGREED, "Agreed in principle in Yevlakh.", "2023-09-21"), Verdict.VERIFIED, null, "2023-09-25");
		UUID withdrawn = status(s, security, CommitmentStatus.WITHDRAWN, "Withdrawn at the online meeting: the parties will propose new arrangements.", "2026-02-10");
		statement(s, withdrawn, residents, "The representatives regret the withdrawal and ask for the observers' access to continue meanwhile.", "2026-02-11");

		int count = jdbc.sql("SELECT count(*) FROM dialogue.commitment").query(Integer.class).single();
		log.warn("Created the demo dialogue: 4 parties, 3 meetings, 1 working group, {} commitments with claims and statements.", count);
	}

	private Optional<Actor> actor(String email, Role role) {
		return accounts.byEmail(email).map(id -> new Actor(id.id(), Set.of(role), null));
	}

	private UUID commitment(Actor s, String key, UUID meeting, UUID first, @Nullable UUID second, @Nullable String due,
			String day, String hy, String az, String ru, String en) {
		List<UUID> responsible = second == null ? List.of(first) : List.of(first, second);
		return commitments.create(s, id("commitment-" + key), new Commitments.NewCommitment(meeting,
				LocalizedText.of(hy, az, ru, en), responsible, due == null ? null : LocalDate.parse(due)), at(day, 300))
				.id();
	}

	/** The status claimed on {@code day}; returns the claim. */
	private UUID status(Actor s, UUID commitment, CommitmentStatus next, String statement, String day) {
		commitments.changeStatus(s, commitment, commitments.commitment(commitment).version(), next, statement,
				at(day, 360));
		return latestClaim(commitment);
	}

	private UUID score(Actor s, UUID commitment, int score, String statement, String day) {
		commitments.rescore(s, commitment, commitments.commitment(commitment).version(), score, statement, at(day, 370));
		return latestClaim(commitment);
	}

	private UUID latestClaim(UUID commitment) {
		List<Claims.Claim> all = claims.claims(commitment);
		return all.get(all.size() - 1).id();
	}

	private void find(Actor observer, UUID claim, Verdict verdict, @Nullable String note, String day) {
		claims.find(observer, claim, verdict, note, at(day, 120));
	}

	private void statement(Actor s, UUID claim, UUID party, String text, String day) {
		claims.addStatement(s, claim, party, text, at(day, 180));
	}
}
