import { Flex, Typography } from "antd";

/**
 * Why each chosen agency was read so ("Tên cũ: Sở Kế hoạch và Đầu tư đã hợp nhất vào Sở Tài chính…",
 * "Cấp huyện không còn…"), shown under the select so the person can judge the choice before keeping it.
 * Values the person picked themselves carry no reason and show nothing.
 */
export function ResolutionReasons({
  values,
  labels,
  reasons,
}: {
  values: string[];
  labels: Record<string, string>;
  reasons: Record<string, string>;
}) {
  const shown = values.filter((v) => reasons[v]);
  if (!shown.length) return null;
  return (
    <Flex vertical gap={0} style={{ marginTop: 2 }} data-testid="participant-reasons">
      {shown.map((v) => (
        <Typography.Text key={v} type="secondary" style={{ fontSize: 12 }}>
          {labels[v] ?? v}: {reasons[v]}
        </Typography.Text>
      ))}
    </Flex>
  );
}
