-- DropIndex
DROP INDEX "Engagement_projectId_idx";

-- DropIndex
DROP INDEX "Indicator_campaignId_idx";

-- DropIndex
DROP INDEX "Indicator_programmeId_idx";

-- DropIndex
DROP INDEX "Mechanism_campaignId_idx";

-- DropIndex
DROP INDEX "Project_campaignId_idx";

-- DropIndex
DROP INDEX "Project_clusterId_idx";

-- DropIndex
DROP INDEX "Project_parkId_idx";

-- DropIndex
DROP INDEX "Project_sectorId_idx";

-- DropIndex
DROP INDEX "Project_stage_idx";

-- AlterTable (edited by hand: Prisma's schema language cannot say GENERATED)
-- A project's investment figures as each kind of caller reads them: null where
-- its investmentVisibility hides them from that caller. Filters and sorts of
-- such callers use these columns (packages/db/src/visibility.ts), so they run
-- in SQL on an index and hidden figures sort as null, as they read.
ALTER TABLE "Project"
ADD COLUMN "plannedInvestmentPublic" DECIMAL(20,2) GENERATED ALWAYS AS (CASE WHEN "investmentVisibility" = 'PUBLIC' THEN "plannedInvestment" END) STORED,
ADD COLUMN "completedInvestmentPublic" DECIMAL(20,2) GENERATED ALWAYS AS (CASE WHEN "investmentVisibility" = 'PUBLIC' THEN "completedInvestment" END) STORED,
ADD COLUMN "plannedInvestmentInternal" DECIMAL(20,2) GENERATED ALWAYS AS (CASE WHEN "investmentVisibility" IN ('PUBLIC', 'INTERNAL') THEN "plannedInvestment" END) STORED,
ADD COLUMN "completedInvestmentInternal" DECIMAL(20,2) GENERATED ALWAYS AS (CASE WHEN "investmentVisibility" IN ('PUBLIC', 'INTERNAL') THEN "completedInvestment" END) STORED;

-- CreateIndex
CREATE INDEX "Engagement_projectId_occurredOn_idx" ON "Engagement"("projectId", "occurredOn");

-- CreateIndex
CREATE INDEX "Engagement_organisationId_occurredOn_idx" ON "Engagement"("organisationId", "occurredOn");

-- CreateIndex
CREATE INDEX "Indicator_campaignId_code_idx" ON "Indicator"("campaignId", "code");

-- CreateIndex
CREATE INDEX "Indicator_programmeId_code_idx" ON "Indicator"("programmeId", "code");

-- CreateIndex
CREATE INDEX "Indicator_keyTaskId_code_idx" ON "Indicator"("keyTaskId", "code");

-- CreateIndex
CREATE INDEX "IndustryCluster_sectorId_code_idx" ON "IndustryCluster"("sectorId", "code");

-- CreateIndex
CREATE INDEX "InspectionFinding_projectId_foundOn_idx" ON "InspectionFinding"("projectId", "foundOn");

-- CreateIndex
CREATE INDEX "InspectionFinding_campaignId_foundOn_idx" ON "InspectionFinding"("campaignId", "foundOn");

-- CreateIndex
CREATE INDEX "InspectionFinding_obstacleId_foundOn_idx" ON "InspectionFinding"("obstacleId", "foundOn");

-- CreateIndex
CREATE INDEX "Mechanism_campaignId_code_idx" ON "Mechanism"("campaignId", "code");

-- CreateIndex
CREATE INDEX "Obstacle_projectId_raisedOn_idx" ON "Obstacle"("projectId", "raisedOn");

-- CreateIndex
CREATE INDEX "Obstacle_campaignId_raisedOn_idx" ON "Obstacle"("campaignId", "raisedOn");

-- CreateIndex
CREATE INDEX "Organisation_parentId_code_idx" ON "Organisation"("parentId", "code");

-- CreateIndex
CREATE INDEX "Platform_parentId_code_idx" ON "Platform"("parentId", "code");

-- CreateIndex
CREATE INDEX "Platform_organisationId_code_idx" ON "Platform"("organisationId", "code");

-- CreateIndex
CREATE INDEX "Platform_parkId_code_idx" ON "Platform"("parkId", "code");

-- CreateIndex
CREATE INDEX "Project_campaignId_code_idx" ON "Project"("campaignId", "code");

-- CreateIndex
CREATE INDEX "Project_clusterId_code_idx" ON "Project"("clusterId", "code");

-- CreateIndex
CREATE INDEX "Project_sectorId_code_idx" ON "Project"("sectorId", "code");

-- CreateIndex
CREATE INDEX "Project_parkId_code_idx" ON "Project"("parkId", "code");

-- CreateIndex
CREATE INDEX "Project_stage_code_idx" ON "Project"("stage", "code");

-- CreateIndex
CREATE INDEX "Project_nameZh_code_idx" ON "Project"("nameZh", "code");

-- CreateIndex
CREATE INDEX "Project_nameEn_code_idx" ON "Project"("nameEn", "code");

-- CreateIndex
CREATE INDEX "Project_stageChangedAt_code_idx" ON "Project"("stageChangedAt", "code");

-- Sorting by a figure (written by hand: Prisma's schema language cannot say
-- NULLS LAST). Projects without a figure, or whose figure the caller may not
-- see, come last in both directions; ties go by code in the sort's direction,
-- so one index serves each direction.
CREATE INDEX "Project_plannedInvestment_asc_idx" ON "Project"("plannedInvestment" ASC NULLS LAST, "code" ASC);
CREATE INDEX "Project_plannedInvestment_desc_idx" ON "Project"("plannedInvestment" DESC NULLS LAST, "code" DESC);
CREATE INDEX "Project_completedInvestment_asc_idx" ON "Project"("completedInvestment" ASC NULLS LAST, "code" ASC);
CREATE INDEX "Project_completedInvestment_desc_idx" ON "Project"("completedInvestment" DESC NULLS LAST, "code" DESC);
CREATE INDEX "Project_plannedInvestmentPublic_asc_idx" ON "Project"("plannedInvestmentPublic" ASC NULLS LAST, "code" ASC);
CREATE INDEX "Project_plannedInvestmentPublic_desc_idx" ON "Project"("plannedInvestmentPublic" DESC NULLS LAST, "code" DESC);
CREATE INDEX "Project_completedInvestmentPublic_asc_idx" ON "Project"("completedInvestmentPublic" ASC NULLS LAST, "code" ASC);
CREATE INDEX "Project_completedInvestmentPublic_desc_idx" ON "Project"("completedInvestmentPublic" DESC NULLS LAST, "code" DESC);
CREATE INDEX "Project_plannedInvestmentInternal_asc_idx" ON "Project"("plannedInvestmentInternal" ASC NULLS LAST, "code" ASC);
CREATE INDEX "Project_plannedInvestmentInternal_desc_idx" ON "Project"("plannedInvestmentInternal" DESC NULLS LAST, "code" DESC);
CREATE INDEX "Project_completedInvestmentInternal_asc_idx" ON "Project"("completedInvestmentInternal" ASC NULLS LAST, "code" ASC);
CREATE INDEX "Project_completedInvestmentInternal_desc_idx" ON "Project"("completedInvestmentInternal" DESC NULLS LAST, "code" DESC);
