-- CreateTable
CREATE TABLE "ObstacleStatusChange" (
    "id" UUID NOT NULL,
    "obstacleId" UUID NOT NULL,
    "fromStatus" "ObstacleStatus" NOT NULL,
    "toStatus" "ObstacleStatus" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ObstacleStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionFindingStatusChange" (
    "id" UUID NOT NULL,
    "findingId" UUID NOT NULL,
    "fromStatus" "RectificationStatus" NOT NULL,
    "toStatus" "RectificationStatus" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionFindingStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ObstacleStatusChange_obstacleId_occurredOn_idx" ON "ObstacleStatusChange"("obstacleId", "occurredOn");

-- CreateIndex
CREATE INDEX "InspectionFindingStatusChange_findingId_occurredOn_idx" ON "InspectionFindingStatusChange"("findingId", "occurredOn");

-- AddForeignKey
ALTER TABLE "ObstacleStatusChange" ADD CONSTRAINT "ObstacleStatusChange_obstacleId_fkey" FOREIGN KEY ("obstacleId") REFERENCES "Obstacle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionFindingStatusChange" ADD CONSTRAINT "InspectionFindingStatusChange_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "InspectionFinding"("id") ON DELETE CASCADE ON UPDATE CASCADE;
