import { UploadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Space, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ExportXlsxButton } from "../../../components/ExportXlsxButton";
import { PageTitle } from "../../../components/PageTitle";
import { useMe } from "../../auth/auth.queries";
import { GroupsTab } from "../components/GroupsTab";
import { ImportDialog } from "../components/ImportDialog";
import { UnitDetail } from "../components/UnitDetail";
import { UnitSearch } from "../components/UnitSearch";
import { UnitTree } from "../components/UnitTree";

export function DirectoryPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const [importOpen, setImportOpen] = useState(false);
  // Signed out a moment ago: the guard above is about to leave this page.
  if (!me) return null;
  // The chosen unit and tab live in the URL, so a link can point at a unit and Back works.
  const selectedId = params.get("unit");
  const tab = params.get("tab") === "groups" ? "groups" : "units";

  const select = (id: string) =>
    setParams((p) => {
      p.set("unit", id);
      p.delete("tab");
      return p;
    });

  return (
    <>
      <PageTitle
        title={t("directory.title")}
        extra={
          <Space wrap>
            <ExportXlsxButton path="/api/org-units.xlsx" testId="directory-export-xlsx" />
            {me.can.manageDirectory ? (
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="unit-import">
                {t("import.open")}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams((p) => {
            if (key === "groups") p.set("tab", "groups");
            else p.delete("tab");
            return p;
          })
        }
        items={[
          {
            key: "units",
            label: t("directory.tabUnits"),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={9} xl={8}>
                  <Card size="small">
                    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
                      <UnitSearch onSelect={select} />
                      <UnitTree selectedId={selectedId} onSelect={select} />
                    </Space>
                  </Card>
                </Col>
                <Col xs={24} lg={15} xl={16}>
                  {selectedId ? (
                    <UnitDetail id={selectedId} onSelect={select} />
                  ) : (
                    <Card>
                      <Empty description={t("directory.pickUnit")} />
                    </Card>
                  )}
                </Col>
              </Row>
            ),
          },
          {
            key: "groups",
            label: t("directory.tabGroups"),
            children: <GroupsTab canManage={me.can.manageDirectory} />,
          },
        ]}
      />
      {importOpen ? <ImportDialog onClose={() => setImportOpen(false)} /> : null}
    </>
  );
}
