-- CreateEnum
CREATE TYPE "AgreementRenewalStage" AS ENUM ('proposed', 'decided');

-- AlterTable
ALTER TABLE "agreements" ADD COLUMN     "renewal_stage" "AgreementRenewalStage";
