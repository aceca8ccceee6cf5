package dev.salerush.seeder.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Word lists for product and brand names (datafaker has no Korean product names). Order matters: never sort. */
final class Words {

    private Words() {
    }

    static final List<String> COLORS = List.of(
            "블랙", "화이트", "아이보리", "네이비", "차콜", "그레이", "베이지", "카키", "브라운", "크림",
            "스카이블루", "민트", "버건디", "올리브", "라벤더", "오트밀", "멜란지", "핑크");

    static final List<String> ADJECTIVES = List.of(
            "오버핏", "슬림핏", "레귤러핏", "루즈핏", "크롭", "와이드", "스트레이트", "세미오버", "릴렉스드", "테일러드",
            "빈티지", "워싱", "베이직", "에센셜", "클래식", "미니멀", "투웨이", "리버시블", "하이넥", "라운드넥",
            "브이넥", "스탠다드", "경량", "헤비웨이트", "소프트", "데일리", "캐주얼", "모던", "유틸리티", "시그니처");

    static final List<String> MATERIALS = List.of(
            "코튼", "린넨", "울", "캐시미어", "니트", "데님", "레더", "스웨이드", "나일론", "폴리",
            "플리스", "코듀로이", "트윌", "저지", "옥스포드", "새틴", "시어서커", "앙고라", "알파카", "모달",
            "텐셀", "스판", "쉬폰", "벨벳", "트위드");

    static final List<String> ITEMS = List.of(
            "셔츠", "티셔츠", "맨투맨", "후드티", "니트", "가디건", "블라우스", "원피스", "스커트", "슬랙스",
            "청바지", "조거팬츠", "반바지", "재킷", "블레이저", "코트", "트렌치코트", "패딩", "베스트", "점퍼",
            "야상", "바람막이", "트레이닝팬츠", "레깅스", "셋업", "카라티", "폴로셔츠", "스웨터", "크로스백", "토트백",
            "백팩", "스니커즈", "로퍼", "부츠", "샌들", "버킷햇", "볼캡", "머플러", "벨트", "양말");

    static final List<String> FEATURES = List.of(
            "가볍고 부드러운 착용감", "사계절 활용도 높은 디자인", "체형을 가리는 여유 있는 실루엣",
            "구김이 적어 관리가 쉬운 원단", "탄탄한 봉제와 깔끔한 마감", "어떤 코디에도 어울리는 컬러",
            "통기성이 좋아 쾌적한 착용감", "보온성이 뛰어난 두께감", "신축성이 좋아 활동하기 편한 핏",
            "데일리로 입기 좋은 베이직 아이템");

    static final List<String> CARE = List.of(
            "찬물 단독 손세탁을 권장합니다.", "드라이클리닝을 권장합니다.", "세탁망 사용 후 울 코스로 세탁하세요.",
            "건조기 사용은 피해주세요.", "뒤집어서 세탁하면 오래 입을 수 있습니다.");

    static final List<String> BRAND_FIRST = List.of(
            "Maison", "Studio", "Atelier", "Nord", "Urban", "Mono", "Lumi", "Haru", "Seoul", "Han",
            "Blanc", "Noir", "Verde", "Oat", "Cotton", "Indigo", "Common", "Daily", "Modern", "Archive",
            "Slow", "North", "Eastern", "Grey", "Stone", "Salt", "Pine", "Cedar", "Fog", "Dawn",
            "Arc", "Field", "River", "Ember", "Linen", "Wool", "Kind", "True", "Plain", "Bold",
            "Soft", "Neo", "Retro", "Nomad", "Orbit", "Pebble", "Tide", "Loom", "Thread", "Moss");

    static final List<String> BRAND_SECOND = List.of(
            "Lab", "Works", "Standard", "Studio", "Seoul", "Line", "Club", "Supply", "House", "Label",
            "Garment", "Goods", "Form", "Project", "Society", "Edition", "Department", "Collective", "Union", "Tailor",
            "Denim", "Knit", "Basics", "Uniform", "Outfitters", "Apparel", "Wear", "Store", "Atelier", "Company",
            "Objects", "Craft", "Mode", "Closet", "Archive", "Factory", "Season", "Studios", "Market", "Pieces",
            "Made", "Sense");

    static byte[][] utf8(List<String> words) {
        byte[][] out = new byte[words.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = words.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
