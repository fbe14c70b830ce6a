import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format";

const GOOD = "#237804";
const BAD = "#cf1322";

type Tone = "better" | "worse" | "same" | null | undefined;

function Arrow({ tone }: { tone: Tone }) {
  if (tone === "better") return <ArrowUpOutlined aria-hidden />;
  if (tone === "worse") return <ArrowDownOutlined aria-hidden />;
  return <MinusOutlined aria-hidden />;
}

const color = (tone: Tone) => (tone === "better" ? GOOD : tone === "worse" ? BAD : undefined);

/** Places gained (+, green, up) or lost (−, red, down): 16 → 34 is "−18 bậc". */
export function PlacesChange({ value }: { value: number | null | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (value == null) return <Typography.Text type="secondary">–</Typography.Text>;
  const tone: Tone = value > 0 ? "better" : value < 0 ? "worse" : "same";
  return (
    <span style={{ color: color(tone), whiteSpace: "nowrap" }}>
      <Arrow tone={tone} />{" "}
      {value === 0 ? t("indices.noChangePlaces") : t("indices.places", { n: f.signed(value, 0) })}
    </span>
  );
}

/**
 * A change in value with its arrow and colour. The arrow follows the number (up when it rose);
 * the colour follows the polarity-aware `direction` (a fall of a lower-is-better indicator is green).
 */
export function ValueChange({
  value,
  direction,
  unit,
  digits = 2,
}: {
  value: number | null | undefined;
  direction?: Tone;
  unit?: string;
  digits?: number;
}) {
  const f = useFormat();
  if (value == null) return <Typography.Text type="secondary">–</Typography.Text>;
  const tone: Tone = direction ?? (value > 0 ? "better" : value < 0 ? "worse" : "same");
  const shape: Tone = value > 0 ? "better" : value < 0 ? "worse" : "same";
  return (
    <span style={{ color: color(tone), whiteSpace: "nowrap" }}>
      <Arrow tone={shape} /> {f.signed(value, digits)}
      {unit ? ` ${unit}` : ""}
    </span>
  );
}
