-- Vietnamese order on both databases. PGlite has no ICU collations, so ORDER BY name put "Đak Pơ"
-- before "Đak Đoa". vietnamese_sort_key(name) turns a name into a key whose byte order (COLLATE "C")
-- is Intl.Collator('vi', { numeric: true }) order: letters in the Vietnamese alphabet, then tones,
-- then case; numbers by value. It is written out from core/src/text/vietnamese-sort.ts
-- (vietnameseSortKeySql), whose vietnameseSortKey must give the same keys (a test checks both
-- databases). Generated columns keep the keys, so no writer (service, import, seed, bench) can forget
-- them; adding the columns computes them for the rows already there.
CREATE OR REPLACE FUNCTION "vietnamese_sort_key"("name" text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
  SELECT CASE WHEN n.s ~ '[0-9]' THEN (
      SELECT string_agg(
        CASE WHEN m.part[1] ~ '^[0-9]'
          THEN E'P' || lpad(least(length(ltrim(m.part[1], '0')), 999)::text, 3, '0') || ltrim(m.part[1], '0')
          ELSE translate(m.part[1], E'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZàÀảẢãÃáÁạẠăĂằẰẳẲẵẴắẮặẶâÂầẦẩẨẫẪấẤậẬđĐèÈẻẺẽẼéÉẹẸêÊềỀểỂễỄếẾệỆìÌỉỈĩĨíÍịỊòÒỏỎõÕóÓọỌôÔồỒổỔỗỖốỐộỘơƠờỜởỞỡỠớỚợỢùÙủỦũŨúÚụỤưƯừỪửỬữỮứỨựỰỳỲỷỶỹỸýÝỵỴ\u0009\u000a\u000b\u000c\u000d_-–—,;:!?.…·''"«»()[]{}§@*/\\&#%•`^°+<=>|~$\u00a0‘’“”', E'QTUVXZ[\\]^_`abcfghijkmnopq&QTUVXZ[\\]^_`abcfghijkmnopqQQQQQQQQQQRRRRRRRRRRRRSSSSSSSSSSSSWWXXXXXXXXXXYYYYYYYYYYYY]]]]]]]]]]ccccccccccddddddddddddeeeeeeeeeeeekkkkkkkkkkllllllllllllpppppppppp!"#$%''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNO&3344')
        END, '' ORDER BY m.i)
      FROM regexp_matches(n.s, '[0-9]+|[^0-9]+', 'g') WITH ORDINALITY AS m(part, i))
    ELSE translate(n.s, E'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZàÀảẢãÃáÁạẠăĂằẰẳẲẵẴắẮặẶâÂầẦẩẨẫẪấẤậẬđĐèÈẻẺẽẼéÉẹẸêÊềỀểỂễỄếẾệỆìÌỉỈĩĨíÍịỊòÒỏỎõÕóÓọỌôÔồỒổỔỗỖốỐộỘơƠờỜởỞỡỠớỚợỢùÙủỦũŨúÚụỤưƯừỪửỬữỮứỨựỰỳỲỷỶỹỸýÝỵỴ\u0009\u000a\u000b\u000c\u000d_-–—,;:!?.…·''"«»()[]{}§@*/\\&#%•`^°+<=>|~$\u00a0‘’“”', E'QTUVXZ[\\]^_`abcfghijkmnopq&QTUVXZ[\\]^_`abcfghijkmnopqQQQQQQQQQQRRRRRRRRRRRRSSSSSSSSSSSSWWXXXXXXXXXXYYYYYYYYYYYY]]]]]]]]]]ccccccccccddddddddddddeeeeeeeeeeeekkkkkkkkkkllllllllllllpppppppppp!"#$%''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNO&3344') END
  || ' ' || translate(n.s, E'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZàÀảẢãÃáÁạẠăĂằẰẳẲẵẴắẮặẶâÂầẦẩẨẫẪấẤậẬđĐèÈẻẺẽẼéÉẹẸêÊềỀểỂễỄếẾệỆìÌỉỈĩĨíÍịỊòÒỏỎõÕóÓọỌôÔồỒổỔỗỖốỐộỘơƠờỜởỞỡỠớỚợỢùÙủỦũŨúÚụỤưƯừỪửỬữỮứỨựỰỳỲỷỶỹỸýÝỵỴ\u0009\u000a\u000b\u000c\u000d_-–—,;:!?.…·''"«»()[]{}§@*/\\&#%•`^°+<=>|~$\u00a0‘’“”0123456789', E'0000000000000000000000000000000000000000000000000000011223344550011223344550011223344550011223344550011223344551122334455112233445500112233445500112233445511223344550011223344551122334455000000000000000000000000000000000000000000000001212')
  || ' ' || translate(n.s, E'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZàÀảẢãÃáÁạẠăĂằẰẳẲẵẴắẮặẶâÂầẦẩẨẫẪấẤậẬđĐèÈẻẺẽẼéÉẹẸêÊềỀểỂễỄếẾệỆìÌỉỈĩĨíÍịỊòÒỏỎõÕóÓọỌôÔồỒổỔỗỖốỐộỘơƠờỜởỞỡỠớỚợỢùÙủỦũŨúÚụỤưƯừỪửỬữỮứỨựỰỳỲỷỶỹỸýÝỵỴ\u0009\u000a\u000b\u000c\u000d_-–—,;:!?.…·''"«»()[]{}§@*/\\&#%•`^°+<=>|~$\u00a0‘’“”0123456789', E'0000000000000000000000000001111111111111111111111111101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101000000000000000000000000000000000000000000000010000')
  FROM (SELECT normalize("name", NFC) AS s) AS n
$fn$;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "sort_key" text COLLATE "C" GENERATED ALWAYS AS (vietnamese_sort_key("name")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "org_groups" ADD COLUMN "sort_key" text COLLATE "C" GENERATED ALWAYS AS (vietnamese_sort_key("name")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sort_key" text COLLATE "C" GENERATED ALWAYS AS (vietnamese_sort_key("display_name")) STORED NOT NULL;
