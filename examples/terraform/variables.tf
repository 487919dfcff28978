variable "region" {
  type    = string
  default = "us-east-1"
}

# One day is AWS's minimum, not a backup policy: terraform/rds-backup-retention reports it.
variable "backup_days" {
  type    = number
  default = 1
}
