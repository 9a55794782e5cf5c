-- DropIndex
DROP INDEX "ProjectStageChange_toStage_occurredOn_idx";

-- CreateIndex
CREATE INDEX "ProjectStageChange_toStage_occurredOn_projectId_idx" ON "ProjectStageChange"("toStage", "occurredOn", "projectId");
