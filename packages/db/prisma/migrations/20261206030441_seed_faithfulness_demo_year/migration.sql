-- AlterTable
ALTER TABLE "Engagement" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "InspectionFinding" ADD COLUMN     "categoryId" UUID,
ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "InvestmentRecord" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Obstacle" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "basisEn" TEXT,
ADD COLUMN     "basisZh" TEXT,
ADD COLUMN     "responsibleOfficialId" UUID;

-- AlterTable
ALTER TABLE "ProjectStageChange" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Zone" ADD COLUMN     "roleEn" TEXT,
ADD COLUMN     "roleZh" TEXT;

-- CreateTable
CREATE TABLE "FindingCategory" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FindingCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Official" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "postZh" TEXT NOT NULL,
    "postEn" TEXT NOT NULL,
    "organisationId" UUID,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Official_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoYear" (
    "programmeId" UUID NOT NULL,
    "randomSeed" INTEGER NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restore" JSONB NOT NULL,

    CONSTRAINT "DemoYear_pkey" PRIMARY KEY ("programmeId")
);

-- CreateTable
CREATE TABLE "_ProjectCampaigns" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_ProjectCampaigns_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "FindingCategory_code_key" ON "FindingCategory"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Official_code_key" ON "Official"("code");

-- CreateIndex
CREATE INDEX "_ProjectCampaigns_B_index" ON "_ProjectCampaigns"("B");

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_responsibleOfficialId_fkey" FOREIGN KEY ("responsibleOfficialId") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionFinding" ADD CONSTRAINT "InspectionFinding_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "FindingCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Official" ADD CONSTRAINT "Official_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoYear" ADD CONSTRAINT "DemoYear_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProjectCampaigns" ADD CONSTRAINT "_ProjectCampaigns_A_fkey" FOREIGN KEY ("A") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProjectCampaigns" ADD CONSTRAINT "_ProjectCampaigns_B_fkey" FOREIGN KEY ("B") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A project's primary campaign is always among the campaigns that list it, so
-- that a campaign's project list is one many-to-many relation (read in one
-- batched query). Kept here rather than by each writer: the mutations, the
-- spreadsheet import, the seed and bulk loads all set "campaignId".
CREATE FUNCTION "project_primary_campaign_link"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."campaignId" IS DISTINCT FROM NEW."campaignId" THEN
    DELETE FROM "_ProjectCampaigns" WHERE "A" = OLD."campaignId" AND "B" = NEW.id;
  END IF;
  INSERT INTO "_ProjectCampaigns" ("A", "B") VALUES (NEW."campaignId", NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "Project_primary_campaign_link"
AFTER INSERT OR UPDATE OF "campaignId" ON "Project"
FOR EACH ROW EXECUTE FUNCTION "project_primary_campaign_link"();

INSERT INTO "_ProjectCampaigns" ("A", "B") SELECT "campaignId", id FROM "Project" ON CONFLICT DO NOTHING;
