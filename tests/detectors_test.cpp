#include "detect/detectors.h"

#include <gtest/gtest.h>

#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {
namespace {

struct Folded {
  std::u32string original, folded;
  explicit Folded(const std::string& s)
      : original(decode_utf8(s).chars), folded(normalize(original).folded) {}
};

TEST(Detectors, MobileNumbersInTheirUsualShapes) {
  for (const char* s : {"13812345678", "电话：138 1234 5678", "138-1234-5678呢", "+86 13812345678",
                        "１３８１２３４５６７８"}) {
    Folded t(s);
    auto found = find_mobiles(t.folded, t.original);
    ASSERT_EQ(found.size(), 1u) << s;
  }
  Folded t("电话13812345678");
  EXPECT_EQ(find_mobiles(t.folded, t.original)[0].masked, "138****5678");
  for (const char* s : {"订单号138123456789", "12812345678", "1381234567", "abc13812345678"}) {
    Folded n(s);
    EXPECT_TRUE(find_mobiles(n.folded, n.original).empty()) << s;
  }
}

TEST(Detectors, IdNumbersNeedTheirChecksum) {
  EXPECT_TRUE(id_card_checksum_ok(U"11010519491231002x"));
  EXPECT_TRUE(id_card_checksum_ok(U"11010519491231002X"));
  EXPECT_FALSE(id_card_checksum_ok(U"110105194912310021"));
  Folded t("身份证号11010519491231002X谢谢");
  auto found = find_id_cards(t.folded, t.original);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].masked, "110***********002X");
  Folded bad("身份证号110105194912310021");
  EXPECT_TRUE(find_id_cards(bad.folded, bad.original).empty());
}

TEST(Detectors, BankCardsNeedLuhnAndAreNotIdNumbers) {
  EXPECT_TRUE(luhn_ok(U"6222021234567890128"));
  EXPECT_FALSE(luhn_ok(U"6222021234567890127"));
  Folded t("卡号 6222 0212 3456 7890 128");
  auto found = find_bank_cards(t.folded, t.original);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].masked, "**** **** **** ***0 128");
}

TEST(Detectors, Emails) {
  Folded t("发到 Zhang.San+shop@qq.com 吧");
  auto found = find_emails(t.folded, t.original);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(encode_utf8(t.original.substr(found[0].start, found[0].end - found[0].start)),
            "Zhang.San+shop@qq.com");
  EXPECT_EQ(found[0].masked, "Z***@qq.com");
  Folded n("@所有人 a@b 123@qq");
  EXPECT_TRUE(find_emails(n.folded, n.original).empty());
}

TEST(Detectors, HandlesAfterTheirCue) {
  Folded t("微信号：abc_12345 呢");
  DetectedSpan s;
  ASSERT_TRUE(find_handle_after(t.folded, t.original, 2, s));
  EXPECT_EQ(encode_utf8(t.original.substr(s.start, s.end - s.start)), "abc_12345");
  Folded qq("qq 123456789");
  ASSERT_TRUE(find_handle_after(qq.folded, qq.original, 2, s));
  Folded pay("微信支付");
  EXPECT_FALSE(find_handle_after(pay.folded, pay.original, 2, s));
  Folded shortid("微信 ab12");
  EXPECT_FALSE(find_handle_after(shortid.folded, shortid.original, 2, s));
}

TEST(Detectors, StreetAddressesWithNumbers) {
  AddressMarkers m{{U"省", U"市", U"区"}, {U"路", U"街"}, {U"号", U"栋", U"室"}};
  Folded t("寄到杭州市西湖区文三路478号3栋502室，谢谢");
  auto found = find_addresses(t.folded, t.original, m);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(encode_utf8(t.original.substr(found[0].start, found[0].end - found[0].start)),
            "寄到杭州市西湖区文三路478号3栋502室");
  Folded n("走在马路上，3号发货");
  EXPECT_TRUE(find_addresses(n.folded, n.original, m).empty());
}

}  // namespace
}  // namespace kefu
