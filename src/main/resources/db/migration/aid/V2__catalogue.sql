-- The first catalogue: what the talks agreed (food, fuel, communications) and what the facilities ask for.
-- Values are planning estimates in USD per unit, for the second-approval rule only.
INSERT INTO aid.item (code, category, unit, name, unit_value, approval_quantity, created_at) VALUES
('flour-wheat', 'FOOD', 'KILOGRAM', '{"hy": "Ցորենի ալյուր", "az": "Buğda unu", "ru": "Пшеничная мука", "en": "Wheat flour"}', 0.60, 20000, now()),
('rice', 'FOOD', 'KILOGRAM', '{"hy": "Բրինձ", "az": "Düyü", "ru": "Рис", "en": "Rice"}', 1.20, 10000, now()),
('vegetable-oil', 'FOOD', 'LITRE', '{"hy": "Բուսական յուղ", "az": "Bitki yağı", "ru": "Растительное масло", "en": "Vegetable oil"}', 2.00, 5000, now()),
('ration-pack', 'FOOD', 'RATION_PACK', '{"hy": "Չոր չափաբաժին", "az": "Quru ərzaq payı", "ru": "Сухой паёк", "en": "Ration pack"}', 8.00, 2000, now()),
('food-parcel', 'FOOD', 'PARCEL', '{"hy": "Ընտանեկան սննդի փաթեթ", "az": "Ailə üçün ərzaq bağlaması", "ru": "Продуктовый набор для семьи", "en": "Family food parcel"}', 45.00, 1000, now()),
('diesel', 'FUEL', 'LITRE', '{"hy": "Դիզելային վառելիք", "az": "Dizel yanacağı", "ru": "Дизельное топливо", "en": "Diesel"}', 1.10, 10000, now()),
('petrol', 'FUEL', 'LITRE', '{"hy": "Բենզին", "az": "Benzin", "ru": "Бензин", "en": "Petrol"}', 1.20, 10000, now()),
('natural-gas', 'FUEL', 'CUBIC_METRE', '{"hy": "Բնական գազ", "az": "Təbii qaz", "ru": "Природный газ", "en": "Natural gas"}', 0.40, 20000, now()),
('health-kit', 'MEDICAL', 'KIT', '{"hy": "Շտապ բժշկական օգնության հավաքածու", "az": "Təcili tibbi yardım dəsti", "ru": "Набор для экстренной медицинской помощи", "en": "Emergency health kit"}', 900.00, 20, now()),
('trauma-kit', 'MEDICAL', 'KIT', '{"hy": "Վնասվածքաբանական հավաքածու", "az": "Travma dəsti", "ru": "Травматологический набор", "en": "Trauma kit"}', 1200.00, 10, now()),
('insulin', 'MEDICAL', 'PIECE', '{"hy": "Ինսուլին (սրվակ)", "az": "İnsulin (flakon)", "ru": "Инсулин (флакон)", "en": "Insulin (vial)"}', 12.00, 2000, now()),
('sim-card', 'COMMUNICATIONS', 'PIECE', '{"hy": "SIM քարտ", "az": "SIM kart", "ru": "SIM-карта", "en": "SIM card"}', 2.00, 5000, now()),
('satellite-terminal', 'COMMUNICATIONS', 'PIECE', '{"hy": "Արբանյակային տերմինալ", "az": "Peyk terminalı", "ru": "Спутниковый терминал", "en": "Satellite terminal"}', 1500.00, 5, now()),
('airtime', 'COMMUNICATIONS', 'MINUTE', '{"hy": "Խոսակցական րոպեներ", "az": "Danışıq dəqiqələri", "ru": "Минуты связи", "en": "Airtime"}', 0.05, 200000, now()),
('hygiene-kit', 'HYGIENE', 'KIT', '{"hy": "Ընտանեկան հիգիենայի հավաքածու", "az": "Ailə gigiyena dəsti", "ru": "Гигиенический набор для семьи", "en": "Family hygiene kit"}', 25.00, 2000, now()),
('tarpaulin', 'SHELTER', 'PIECE', '{"hy": "Բրեզենտ", "az": "Brezent", "ru": "Брезент", "en": "Tarpaulin"}', 15.00, 2000, now()),
('blanket', 'SHELTER', 'PIECE', '{"hy": "Վերմակ", "az": "Yorğan", "ru": "Одеяло", "en": "Blanket"}', 8.00, 5000, now());
