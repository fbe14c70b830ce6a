import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Flex, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { QUESTION_TYPES, type QuestionType } from "../../../../../core/src/reporting/questions";
import { useQuestionTypeLabel } from "../labels";

/** A question as the editor holds it: what the API takes (`questionInput` in core). */
export type QuestionDraft = { text: string; type: QuestionType; required: boolean; choices: string[] };

/**
 * The questions of an ad hoc request: each with the kind of answer it takes and whether it must be
 * answered; a choice question lists its choices. Checked by the API's own schema before sending.
 */
export function QuestionsEditor() {
  const { t } = useTranslation();
  const typeLabel = useQuestionTypeLabel();
  const form = Form.useFormInstance();
  // Watched, so a question turned into a choice shows its choices at once.
  const questions = Form.useWatch("questions", form) as QuestionDraft[] | undefined;
  return (
    <Form.List name="questions">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <span className="report-label">{t("reporting.questions.editorTitle")}</span>
          {fields.map((field, i) => {
            const type = questions?.[field.name]?.type;
            return (
              <Card key={field.key} size="small" data-testid="question-row">
                <Flex gap={8} wrap align="start">
                  <Form.Item
                    name={[field.name, "text"]}
                    style={{ flex: "1 1 260px", marginBottom: 8 }}
                    label={t("reporting.questions.number", { n: i + 1 })}
                  >
                    <Input maxLength={1000} data-testid="question-text" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "type"]}
                    label={t("reporting.questions.type")}
                    style={{ marginBottom: 8 }}
                  >
                    <Select
                      style={{ width: 150 }}
                      options={QUESTION_TYPES.map((q) => ({ value: q, label: typeLabel(q) }))}
                      data-testid="question-type"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "required"]}
                    valuePropName="checked"
                    label=" "
                    style={{ marginBottom: 8 }}
                  >
                    <Checkbox data-testid="question-required">{t("reporting.questions.required")}</Checkbox>
                  </Form.Item>
                  <Button
                    aria-label={t("reporting.questions.remove")}
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                </Flex>
                {type === "choice" ? (
                  <Form.Item
                    name={[field.name, "choices"]}
                    label={t("reporting.questions.choices")}
                    extra={t("reporting.questions.choicesHelp")}
                    style={{ marginBottom: 0 }}
                  >
                    <Select mode="tags" open={false} tokenSeparators={[";"]} data-testid="question-choices" />
                  </Form.Item>
                ) : null}
              </Card>
            );
          })}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({ text: "", type: "text", required: false, choices: [] } satisfies QuestionDraft)
            }
            data-testid="question-add"
            style={{ alignSelf: "flex-start" }}
          >
            {t("reporting.questions.add")}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
