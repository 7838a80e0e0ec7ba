/// The words synthetic products, members and cashiers are made of: what an Indonesian
/// village shop sells, so catalogue searches meet realistic word frequencies.
enum CatalogueWords {
    /// Categories and the goods sold in each (counted goods).
    static let categories: [(name: String, goods: [String])] = [
        ("minuman", ["Air Mineral", "Teh Botol", "Minuman Isotonik", "Sirup", "Jus Buah", "Minuman Soda"]),
        ("kopi & teh", ["Kopi Bubuk", "Kopi Sachet", "Kopi Instan", "Teh Celup", "Teh Tubruk", "Kopi Robusta"]),
        ("sembako", ["Gula Pasir", "Garam Dapur", "Tepung Terigu", "Tepung Beras", "Minyak Goreng", "Santan Kara"]),
        ("beras", ["Beras Premium", "Beras Medium", "Beras Pandan Wangi", "Beras Merah", "Beras Ketan"]),
        ("mi instan", ["Mi Goreng", "Mi Kuah", "Indomie Goreng", "Mi Telur", "Bihun Jagung", "Soun"]),
        ("bumbu dapur", ["Kecap Manis", "Saus Sambal", "Saus Tomat", "Bumbu Racik", "Penyedap Rasa", "Terasi Udang"]),
        ("makanan ringan", ["Keripik Kentang", "Biskuit", "Wafer", "Kacang Garing", "Kerupuk Udang", "Chiki Jagung"]),
        ("roti & kue", ["Roti Tawar", "Roti Manis", "Bolu Gulung", "Kue Lapis", "Donat"]),
        ("susu", ["Susu Kental Manis", "Susu UHT", "Susu Bubuk", "Yoghurt", "Susu Kedelai"]),
        ("bayi", ["Popok Bayi", "Bubur Bayi", "Minyak Telon", "Bedak Bayi", "Tisu Basah"]),
        ("sabun & mandi", ["Sabun Mandi", "Sabun Cair", "Sampo", "Sikat Gigi", "Pasta Gigi", "Deodoran"]),
        ("deterjen", ["Deterjen Bubuk", "Deterjen Cair", "Pelembut Pakaian", "Pemutih", "Sabun Cuci Piring"]),
        ("kebersihan rumah", ["Pembersih Lantai", "Obat Nyamuk", "Kantong Sampah", "Sapu Ijuk", "Kain Pel"]),
        ("obat", ["Obat Batuk", "Minyak Kayu Putih", "Balsem", "Plester Luka", "Jamu Tolak Angin", "Vitamin C"]),
        ("alat tulis", ["Buku Tulis", "Pensil", "Pulpen", "Penghapus", "Map Plastik", "Lem Kertas"]),
        ("listrik", ["Lampu LED", "Baterai", "Stop Kontak", "Kabel Listrik", "Senter"]),
        ("makanan beku", ["Nugget Ayam", "Sosis Sapi", "Bakso Sapi", "Kentang Beku", "Es Krim"]),
        ("kaleng", ["Sarden", "Kornet Sapi", "Susu Kaleng", "Buah Kaleng", "Ikan Makarel"]),
        ("permen & coklat", ["Permen Mint", "Coklat Batang", "Permen Jahe", "Jeli", "Wafer Coklat"]),
        ("peralatan dapur", ["Panci", "Wajan", "Piring Plastik", "Gelas", "Sendok", "Termos"]),
        ("pertanian", ["Pupuk Urea", "Pupuk NPK", "Benih Jagung", "Benih Cabai", "Pestisida", "Cangkul"]),
        ("pakan ternak", ["Pakan Ayam", "Pakan Ikan", "Dedak", "Konsentrat Sapi"]),
        ("kosmetik", ["Bedak Padat", "Lipstik", "Krim Wajah", "Minyak Rambut", "Pelembab"]),
        ("rokok & korek", ["Korek Api", "Korek Gas", "Kertas Linting"]),
        ("gas & bahan bakar", ["Gas Elpiji", "Minyak Tanah", "Arang", "Spiritus"]),
    ]

    /// Goods sold by weight (unit kg), with a 5-digit PLU for scale labels.
    static let weighed: [(name: String, category: String)] = [
        ("Telur Ayam Ras", "sembako"), ("Gula Pasir Curah", "sembako"), ("Beras Curah", "beras"),
        ("Bawang Merah", "sayur & bumbu segar"), ("Bawang Putih", "sayur & bumbu segar"), ("Cabai Rawit", "sayur & bumbu segar"),
        ("Tomat", "sayur & bumbu segar"), ("Kentang", "sayur & bumbu segar"), ("Daging Sapi", "daging & ikan"),
        ("Ayam Potong", "daging & ikan"), ("Ikan Tongkol", "daging & ikan"), ("Kacang Tanah", "sembako"),
    ]

    /// Goods of the village's own makers (local products).
    static let localGoods = [
        "Keripik Singkong", "Gula Aren Cetak", "Kopi Robusta Bubuk", "Madu Hutan", "Emping Melinjo", "Sambal Bawang", "Rengginang",
        "Dodol Garut", "Tempe", "Tahu Putih", "Telur Ayam Kampung", "Kerupuk Udang", "Ikan Asin", "Abon Sapi", "Sale Pisang",
        "Keripik Tempe", "Beras Pandan Wangi", "Teh Tubruk", "Jamu Kunyit Asam", "Sabun Sereh", "Anyaman Bambu", "Minyak Kelapa",
    ]

    static let makers = [
        "Bu Sari", "KT Makmur", "UMKM Sukamaju", "Pak Darmo", "KWT Melati", "Bu Ningsih", "Kelompok Tani Subur", "BUMDes Maju",
        "Ibu-Ibu PKK", "Pak Ujang",
    ]

    static let villages = ["Desa Cibeureum", "Desa Sukamaju", "Desa Karanganyar", "Desa Sumbersari", "Desa Mekarjaya", "Desa Tanjungsari"]

    static let brands = [
        "Kapal Api", "ABC", "Sariwangi", "Indofood", "Wings", "Mayora", "Sidomuncul", "Bango", "Sasa", "Rinso", "Lifebuoy", "Pepsodent",
        "Frisian Flag", "Indomilk", "Garuda", "Dua Kelinci", "Sosro", "Ultra", "Nestle", "Unilever", "Forisa", "Sania", "Bimoli",
        "Rose Brand", "Segitiga Biru", "Cap Lang", "Konicare", "Zwitsal", "So Klin", "Daia", "Sunlight", "Baygon", "Philips", "Sinar",
        "Kiwi", "Tropical", "Filma", "Tango", "Roma", "Khong Guan",
    ]

    static let variants = [
        "Original", "Pedas", "Manis", "Super", "Premium", "Ekonomis", "Jumbo", "Mini", "Rasa Ayam", "Rasa Sapi", "Coklat", "Vanila",
        "Stroberi", "Susu", "Gula Aren", "Melati", "Lemon", "Pandan", "Spesial", "Extra",
    ]

    static let sizes = [
        "50 g", "100 g", "165 g", "200 g", "250 g", "500 g", "1 kg", "2 kg", "5 kg", "250 ml", "600 ml", "1 L", "2 L", "isi 10",
        "isi 20", "renteng", "sachet", "pouch",
    ]

    static let firstNames = [
        "Siti", "Budi", "Ani", "Agus", "Dewi", "Eko", "Sri", "Joko", "Rina", "Bambang", "Wati", "Asep", "Nur", "Yusuf", "Lestari",
        "Dedi", "Ratna", "Hendra", "Fitri", "Ujang", "Aminah", "Rudi", "Sumarni", "Tono",
    ]

    static let lastNames = [
        "Rahayu", "Santoso", "Wijaya", "Hidayat", "Saputra", "Lestari", "Kusuma", "Nugroho", "Setiawan", "Purnama", "Suryani",
        "Pratama", "Hakim", "Maulana", "Siregar", "Nasution",
    ]
}
